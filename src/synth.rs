//! Synthetic article pairs for benchmarks and throughput measurements:
//! realistic paragraph shapes (names, figures, quotations) with varied
//! numbers, deterministic for a given seed. Not for accuracy figures.

/// Italian source paragraphs used as templates (`{n}` is replaced by a
/// figure).
const IT: &[&str] = &[
    "Il governo ha approvato ieri sera una manovra da {n} miliardi di euro, dopo un consiglio dei ministri durato oltre sei ore a Palazzo Chigi.",
    "Secondo l'Istat, l'inflazione a novembre è scesa al {n}% su base annua, il livello più basso dall'inizio del 2021, grazie al calo dei prezzi dell'energia.",
    "«Non accetteremo tagli alla sanità», ha detto la segretaria del Pd Elly Schlein, che ha annunciato una manifestazione nazionale per sabato {n} dicembre.",
    "Il ministro dell'Economia Giancarlo Giorgetti ha difeso la legge di bilancio davanti alla commissione, sostenendo che il deficit scenderà sotto il tre per cento.",
    "A Milano, la Borsa ha chiuso in rialzo dello {n}%, trainata dai titoli bancari e dalle attese per una riduzione dei tassi da parte della Bce a gennaio.",
];

/// English translations of [`IT`], in the same order.
const EN: &[&str] = &[
    "The government approved a budget of {n} billion euros last night, after a cabinet meeting at Palazzo Chigi that lasted more than six hours.",
    "According to Istat, inflation fell to {n}% year on year in November, the lowest level since the start of 2021, thanks to lower energy prices.",
    "“We will not accept cuts to health care,” said Democratic Party leader Elly Schlein, who announced a national demonstration for Saturday, December {n}.",
    "Economy Minister Giancarlo Giorgetti defended the budget law before the committee, arguing that the deficit will fall below three percent.",
    "In Milan, the stock exchange closed up {n}%, driven by bank shares and expectations of an interest rate cut by the ECB in January.",
];

/// A deterministic pseudo-random sequence (SplitMix64).
pub struct SplitMix(u64);

impl SplitMix {
    /// A sequence from `seed`.
    pub fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }

    /// The next value.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A source (Italian) and target (English) article of `paragraphs`
/// paragraphs separated by blank lines.
pub fn article_pair(paragraphs: usize, seed: u64) -> (String, String) {
    let mut rng = SplitMix::new(seed);
    let mut src = String::new();
    let mut tgt = String::new();
    for i in 0..paragraphs {
        let k = (rng.next_u64() % IT.len() as u64) as usize;
        let n = (rng.next_u64() % 28 + 1).to_string();
        if i > 0 {
            src.push_str("\n\n");
            tgt.push_str("\n\n");
        }
        src.push_str(&IT[k].replace("{n}", &n));
        tgt.push_str(&EN[k].replace("{n}", &n));
    }
    (src, tgt)
}

/// One JSONL line holding an article pair.
pub fn jsonl_line(id: usize, paragraphs: usize, seed: u64) -> String {
    let (s, t) = article_pair(paragraphs, seed);
    serde_json::json!({
        "id": format!("doc-{id}"),
        "source": s,
        "target": t,
        "source_lang": "it",
        "target_lang": "en",
    })
    .to_string()
}
