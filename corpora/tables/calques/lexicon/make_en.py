"""Regenerates en.toml from the SCOWL lists Debian installs in /usr/share/dict
(packages wamerican-large and wbritish): lowercase words of letters only,
plus hand-compiled recent news words."""
import re
ws=set()
for f in ['/usr/share/dict/american-english-large','/usr/share/dict/british-english']:
    for l in open(f,encoding='utf-8'):
        w=l.strip()
        if w and w == w.lower() and re.fullmatch(r'[a-zàâäçéèêëîïôöûüñ]+',w): ws.add(w)
extra = """lockdown lockdowns website websites startup startups online offline smartphone smartphones email emails blog blogs
blogger bloggers podcast podcasts app apps hashtag hashtags selfie selfies cryptocurrency cryptocurrencies bitcoin
covid coronavirus coronaviruses pandemic pandemics gigawatt gigawatts megawatt megawatts terawatt kilowatt kilowatts
euro euros eurozone tsunami tsunamis vaccine vaccines vaccination vaccinations antivirus antiviral
biodiversity decarbonisation decarbonization microplastics emoji emojis internet livestream livestreamed streaming
influencer influencers cyberattack cyberattacks cybersecurity chatbot chatbots algorithm algorithms
superspreader quarantine quarantined biotech fintech drone drones megacity megacities wildfire wildfires
apocalypse apocalyptic iphone ipad walkman laptop laptops touchscreen broadband wifi bandwidth
paralympic paralympics olympian olympians esports rebrand rebranded outsource outsourcing
anti micro neo mega macro multi semi pre post co ex non pro corona""".split()
ws.update(extra)
words=sorted(ws)
head='''lang = "en"
sources = [
  "SCOWL (Spell Checker Oriented Word Lists), Copyright 2000-2011 by Kevin Atkinson, as packaged by Debian in wamerican-large and wbritish 2020.12.07-2 (sizes 70 and 50): the union of both lists, lowercase words of letters only (no names, no possessives). Used under the SCOWL permission notice, reproduced in SCOWL-COPYRIGHT.txt beside this file.",
  "Plus a short hand-compiled list of words frequent in news since the lists were made (lockdown, website, cryptocurrency...) and of the prefixes news writes as separate words (anti, non, ex).",
]

# Prefixes English builds words with freely (univariate, peristomal,
# nonbinding): a word made of one of them and a listed word of four letters
# or more is English too.
prefixes = [
  "anti", "auto", "bi", "co", "counter", "de", "dis", "extra", "hyper", "hypo", "inter", "intra",
  "macro", "mega", "micro", "mid", "mini", "mis", "multi", "neo", "non", "out", "over", "peri",
  "poly", "post", "pre", "pro", "pseudo", "re", "self", "semi", "sub", "super", "trans", "tri",
  "ultra", "un", "under", "uni",
]

# The words, one per line (WC403 reads them as a set).
words = """
'''
with open('en.toml','w') as f:
    f.write(head + '\n'.join(words) + '\n"""\n')
print(len(words))
