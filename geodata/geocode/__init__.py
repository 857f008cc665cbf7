"""Reading one published name and resolving it to today's unit: name forms, history, the index,
the geocoder, its answers and notes."""
