project = 'Growth'
extensions = ['nbsphinx']
nbsphinx_execute = 'always'
html_theme = 'alabaster'
exclude_patterns = ['_build']
