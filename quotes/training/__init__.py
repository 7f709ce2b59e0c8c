"""Training the Stanza models `quotes` ships: data splits, Stanza's trainers, word vectors,
character language models, scores and speed for the card. Not needed at run time, where
`quotes.nlp` finds and loads the models these write."""
