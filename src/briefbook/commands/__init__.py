"""One module per CLI subcommand; each has ``register(subparsers)`` that sets ``func``."""
