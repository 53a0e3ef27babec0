"""BOM, CRLF, tabs and non-ASCII names and strings."""

# negative: SECRÈTE is not the word part secret
CLÉ_SECRÈTE = "pâté-à-choux"
# positive: a non-ASCII value, after a BOM, with CRLF
mot_de_passe_secret = "été€2024"  # [SEC005]


class Config:
	def __init__(self):
		# positive: tab-indented, a non-ASCII first word part
		self.clé_api_key = "αβγ-7781"  # [SEC005]
		# negative: a non-ASCII name without a secret word part
		self.clé = "valeur"
