"""Export: one document model rendered to PDF, DOCX, Markdown, HTML, JSON and CSV."""
