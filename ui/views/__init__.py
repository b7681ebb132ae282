"""One module per sidebar view."""
