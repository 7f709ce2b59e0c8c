"""quotes: Arabic quotation attribution, who said what, in what capacity."""
