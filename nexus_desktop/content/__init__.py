"""Content: pack sources -> validated model -> read-only content database (SQLAlchemy)."""
