"""Writers of a resolution in other document formats (Akoma Ntoso 3.0).

Unlike :mod:`resdiff.render`, which renders a diff, a writer renders one resolution.
Layering: writers → model; nothing here prints or exits.
"""
