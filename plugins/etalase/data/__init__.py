"""Staff records: strict YAML, typed models, validation, privacy checks and the catalogue. No Pelican."""
