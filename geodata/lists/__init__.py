"""What a person pastes or uploads: lists in the published shape, a table's name column, files
read under limits, a list being worked on and its places."""
