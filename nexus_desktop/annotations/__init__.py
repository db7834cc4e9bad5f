"""Annotations: the user database (SQLAlchemy + Alembic), anchoring, backup and transfer."""
