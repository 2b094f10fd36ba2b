//! The model's files: finding and reading a model directory ([`workspace`], with the CLI the
//! only code that touches the disk), writing a country back to model files ([`print`](mod@print)) in the
//! canonical layout ([`format`](mod@format)), new models ([`scaffold`]), the JSON Schema editors complete
//! from ([`schema`]), and the spreadsheet round trips of the actor list ([`actor_list`]) and the
//! role matrix ([`role_sheet`]).

pub mod actor_list;
pub mod format;
pub mod print;
pub mod role_sheet;
pub mod scaffold;
pub mod schema;
pub mod workspace;
