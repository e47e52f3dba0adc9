project = "Growth"
extensions = []
html_theme = "alabaster"
