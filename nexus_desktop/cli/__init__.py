"""Command line: a composition root like app.py; parses arguments and calls the services."""
