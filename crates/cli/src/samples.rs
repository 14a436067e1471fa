//! The bundled samples, embedded in the binary.

/// (file name, bytes) of every bundled sample, in feed order.
pub const SAMPLES: [(&str, &[u8]); 8] = [
    (
        "putin-minsk.txt",
        include_bytes!("../../../samples/putin-minsk.txt"),
    ),
    (
        "ecb-rates.json",
        include_bytes!("../../../samples/ecb-rates.json"),
    ),
    ("quake.json", include_bytes!("../../../samples/quake.json")),
    (
        "trade-talks.txt",
        include_bytes!("../../../samples/trade-talks.txt"),
    ),
    (
        "broken.json",
        include_bytes!("../../../samples/broken.json"),
    ),
    (
        "agency.nitf.xml",
        include_bytes!("../../../samples/agency.nitf.xml"),
    ),
    (
        "entity-bomb.xml",
        include_bytes!("../../../samples/entity-bomb.xml"),
    ),
    (
        "putin-minsk-again.txt",
        include_bytes!("../../../samples/putin-minsk-again.txt"),
    ),
];
