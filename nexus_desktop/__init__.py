"""Nexus Desktop: offline reference for the good practices on the crime-terror nexus."""

__version__ = "0.1.0"
