//! The JSON Schemas the records are checked against.
//!
//! - `ninjs-schema_2.2.json`: IPTC's ninjs 2.2 schema, copied verbatim (its description states
//!   CC BY 4.0; IPTC's repository licence is MIT, see `schema/LICENSE-ninjs-MIT.txt`).
//! - `geojson.schema.json`: a compact GeoJSON schema written for newsflow, registered under the
//!   URI ninjs refers to, so validation never touches the network.
//! - `newsflow-enriched-1.schema.json`: the envelope of CONTRACTS.md.

/// IPTC ninjs 2.2 JSON Schema.
pub const NINJS_22: &str = include_str!("../schema/ninjs-schema_2.2.json");
/// GeoJSON schema served for ninjs's `$ref`.
pub const GEOJSON: &str = include_str!("../schema/geojson.schema.json");
/// The URI ninjs 2.2 uses for GeoJSON.
pub const GEOJSON_ID: &str = "https://geojson.org/schema/GeoJSON.json";
/// The envelope schema.
pub const ENVELOPE: &str = include_str!("../schema/newsflow-enriched-1.schema.json");

#[cfg(feature = "validate")]
pub use validate::Validators;

#[cfg(feature = "validate")]
mod validate {
    use serde_json::Value;

    /// Compiled validators for ninjs 2.2 items and newsflow envelopes, all offline.
    pub struct Validators {
        ninjs: jsonschema::Validator,
        envelope: jsonschema::Validator,
    }

    fn parse(text: &str) -> Result<Value, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// Serves the shipped schemas by URI; anything else is refused (no network).
    struct LocalSchemas(Vec<(&'static str, Value)>);

    impl jsonschema::Retrieve for LocalSchemas {
        fn retrieve(
            &self,
            uri: &jsonschema::Uri<String>,
        ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
            let wanted = uri.as_str().trim_end_matches('#');
            self.0
                .iter()
                .find(|(id, _)| id.trim_end_matches('#') == wanted)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| {
                    format!("schema {wanted} is not shipped; refusing to fetch it").into()
                })
        }
    }

    impl Validators {
        /// Compiles the shipped schemas, resolving every `$ref` locally.
        pub fn new() -> Result<Self, String> {
            let ninjs = parse(super::NINJS_22)?;
            let geojson = parse(super::GEOJSON)?;
            let envelope = parse(super::ENVELOPE)?;
            let build = |schema: &Value| {
                let local = LocalSchemas(vec![
                    (super::GEOJSON_ID, geojson.clone()),
                    (crate::ninjs::NINJS_22_SCHEMA_ID, ninjs.clone()),
                ]);
                jsonschema::options()
                    .should_validate_formats(true)
                    .with_retriever(local)
                    .build(schema)
                    .map_err(|e| e.to_string())
            };
            Ok(Validators {
                ninjs: build(&ninjs)?,
                envelope: build(&envelope)?,
            })
        }

        /// Errors of `item` against ninjs 2.2 (empty when valid).
        pub fn ninjs_errors(&self, item: &Value) -> Vec<String> {
            self.ninjs
                .iter_errors(item)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect()
        }

        /// Errors of `record` against the envelope schema (empty when valid).
        pub fn envelope_errors(&self, record: &Value) -> Vec<String> {
            self.envelope
                .iter_errors(record)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect()
        }
    }
}
