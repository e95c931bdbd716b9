"""Measured quality: scorers and peers behind `make eval`; nothing here runs at ingest time."""
