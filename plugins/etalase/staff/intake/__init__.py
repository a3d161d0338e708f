"""Staff intake from the registration spreadsheet: ``impor``, ``ekspor`` and the template (docs/intake.md)."""
