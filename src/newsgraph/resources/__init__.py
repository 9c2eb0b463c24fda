"""Data shipped inside the package (actor dictionary, lexicons), with loaders and licences."""
