"""A list a person works on, above the registry it may complete: `flow` reads, resolves,
settles and saves it; `places` gives its rows as places and as the files a person takes."""
