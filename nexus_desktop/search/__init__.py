"""Search: the Whoosh schema, index build, query parsing, snippets. Nothing else imports whoosh."""
