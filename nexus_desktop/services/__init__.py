"""Services: the use cases (browse, search, annotate, export, back up) that join the feature packages."""
