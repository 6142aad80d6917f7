//! The series behind `precise::expm1` in binary fixed point: 124 fractional bits in an `i128`.
//!
//! In `Decimal` every term of the series costs a multiplication whose 56-digit product is
//! divided back to 28 digits, and a division; that was most of a return projection's time
//! (issue 18). Here a term is a 128 x 128-bit product shifted right and a division by a small
//! integer. The result is rounded once to 28 decimal places, the finest `Decimal` holds, so
//! it is as exact as the `Decimal` series was (the error before that rounding is under 1e-36),
//! including the relative precision of tiny arguments.

use primitive_types::U256;
use rust_decimal::Decimal;

/// Fractional bits.
const BITS: u32 = 124;
const ONE: i128 = 1 << BITS;
/// Places of the result: the most `Decimal` keeps.
const PLACES: u32 = 28;

/// `z` in fixed point, within 2^-123; `None` from 8 in magnitude.
fn from_decimal(z: Decimal) -> Option<i128> {
    let q = scaled_down(z.mantissa().unsigned_abs(), z.scale(), 0)?;
    Some(if z.is_sign_negative() { -q } else { q })
}

/// `m / (10^scale 2^halvings)` in fixed point, within 2^-123, for `m` below 2^96 (a `Decimal`'s
/// mantissa). Multiplying by the reciprocal of the power of ten keeps a 256-bit division out of
/// every conversion (it was a quarter of a projection's time).
fn scaled_down(m: u128, scale: u32, halvings: u32) -> Option<i128> {
    let &(reciprocal, bits) = TENTHS.get(scale as usize)?;
    let (hi, lo) = wide_mul(m, reciprocal);
    // m 2^bits / 10^scale is (hi, lo); 2^124 / 2^(bits + halvings) brings it to fixed point.
    // A Decimal's m / 10^scale is below 2^96, so n stays between 3 and 127.
    let n = bits + halvings - BITS;
    let (lo, carry) = lo.overflowing_add(1u128.checked_shl(n - 1)?);
    let hi = hi + u128::from(carry);
    if n >= 128 || hi >> n != 0 {
        return None;
    }
    i128::try_from((hi << (128 - n)) | (lo >> n)).ok()
}

/// `(floor(2^k / 10^s), k)` for s = 0..=28, k the least with the quotient at least 2^127, by
/// Python's integers: `(2**k // 10**s, k)`.
const TENTHS: [(u128, u32); 29] = [
    (170141183460469231731687303715884105728, 127),
    (272225893536750770770699685945414569164, 131),
    (217780714829400616616559748756331655331, 134),
    (174224571863520493293247799005065324265, 137),
    (278759314981632789269196478408104518824, 141),
    (223007451985306231415357182726483615059, 144),
    (178405961588244985132285746181186892047, 147),
    (285449538541191976211657193889899027276, 151),
    (228359630832953580969325755111919221821, 154),
    (182687704666362864775460604089535377456, 157),
    (292300327466180583640736966543256603931, 161),
    (233840261972944466912589573234605283144, 164),
    (187072209578355573530071658587684226515, 167),
    (299315535325368917648114653740294762425, 171),
    (239452428260295134118491722992235809940, 174),
    (191561942608236107294793378393788647952, 177),
    (306499108173177771671669405430061836723, 181),
    (245199286538542217337335524344049469378, 184),
    (196159429230833773869868419475239575503, 187),
    (313855086769334038191789471160383320805, 191),
    (251084069415467230553431576928306656644, 194),
    (200867255532373784442745261542645325315, 197),
    (321387608851798055108392418468232520504, 201),
    (257110087081438444086713934774586016403, 204),
    (205688069665150755269371147819668813122, 207),
    (329100911464241208430993836511470100996, 211),
    (263280729171392966744795069209176080797, 214),
    (210624583337114373395836055367340864637, 217),
    (336999333339382997433337688587745383420, 221),
];

/// `x` rounded to 28 decimal places, |x| < 8.
fn to_decimal(x: i128) -> Decimal {
    let (hi, lo) = wide_mul(x.unsigned_abs(), 10u128.pow(PLACES));
    // + 2^123, then >> 124: to the nearest.
    let (lo, carry) = lo.overflowing_add(1 << (BITS - 1));
    let hi = hi + u128::from(carry);
    let m = (hi << (128 - BITS)) | (lo >> BITS);
    let m = m as i128; // < 8e28 < 2^127
    Decimal::from_i128_with_scale(if x < 0 { -m } else { m }, PLACES)
}

/// The 256-bit product of two `u128`, as (high, low) halves.
fn wide_mul(a: u128, b: u128) -> (u128, u128) {
    const LOW: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & LOW);
    let (b1, b0) = (b >> 64, b & LOW);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 64) + (p01 & LOW) + (p10 & LOW);
    let lo = (p00 & LOW) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
}

/// `a b` in fixed point, truncated toward zero; |a b| < 8.
fn mul(a: i128, b: i128) -> i128 {
    let (hi, lo) = wide_mul(a.unsigned_abs(), b.unsigned_abs());
    let m = ((hi << (128 - BITS)) | (lo >> BITS)) as i128;
    if (a < 0) != (b < 0) {
        -m
    } else {
        m
    }
}

/// `2^124 / k` for k = 0..=40, rounded (0 for k = 0 and 1, which the series do not divide
/// by): a term divided by its k as a multiplication, several times cheaper than an `i128`
/// division, and off by at most 2^-124.
const INVERSES: [i128; 41] = {
    let mut table = [0i128; 41];
    let mut k = 2;
    while k < 41 {
        table[k] = (ONE + (k as i128) / 2) / (k as i128);
        k += 1;
    }
    table
};

/// `x / k` for 2 <= k <= 40, by the reciprocal; a plain division beyond.
fn div_small(x: i128, k: usize) -> i128 {
    match INVERSES.get(k) {
        Some(&inverse) => mul(x, inverse),
        None => x / k as i128,
    }
}

/// Taylor series of e^r - 1 for |r| <= 1/128: about thirteen terms to reach 2^-124.
fn expm1_series(r: i128) -> i128 {
    let mut term = r;
    let mut sum = r;
    let mut k = 1;
    while term != 0 {
        k += 1;
        term = div_small(mul(term, r), k);
        sum += term;
    }
    sum
}

/// `e^z - 1` for |z| <= 1/2: z = k/64 + r with |r| <= 1/128, and
/// e^z - 1 = T + (1 + T)(e^r - 1) with T = e^(k/64) - 1 from the table.
/// `None` outside that range.
pub(crate) fn expm1_reduced(z: Decimal) -> Option<Decimal> {
    if z.is_zero() {
        return Some(Decimal::ZERO);
    }
    let z = from_decimal(z)?;
    // k = round(64 z); 1/64 is 2^118 here.
    let k = (z + (1 << 117)) >> 118;
    if k.abs() > 32 {
        return None;
    }
    let r = z - (k << 118);
    let t = EXPM1_STEPS[(k + 32) as usize];
    Some(to_decimal(t + mul(ONE + t, expm1_series(r))))
}

/// `ln(1 + u)` for `u >= 0`: 1 + u = 2^h m with m in [1, 2), m = 1 + j/64 + the rest, and
/// ln(1 + u) = h ln 2 + ln(1 + j/64) + ln(1 + w) with w < 1/64 from the Mercator series.
/// Returns the part below ln 2 rounded to 28 places, and h. `None` for a negative `u` or one
/// whose `1 + u` leaves `Decimal`.
pub(crate) fn ln1p_parts(u: Decimal) -> Option<(Decimal, u32)> {
    if u.is_sign_negative() && !u.is_zero() {
        return None;
    }
    // m - 1 in fixed point. Below 1 it is u itself (exact to 2^-124, however small u is).
    let (m_minus_one, halvings) = if u < Decimal::ONE {
        (from_decimal(u)?, 0)
    } else {
        let x = u.checked_add(Decimal::ONE)?;
        let whole = u128::try_from(x.trunc().mantissa()).ok()?;
        let h = 127 - whole.leading_zeros();
        // x / 2^h, in [1, 2].
        let m = scaled_down(x.mantissa().unsigned_abs(), x.scale(), h)?;
        (m - ONE, h)
    };
    // j = floor(64 (m - 1)); w = (m - 1 - j/64) / (1 + j/64), exact but for the last bit.
    let j = (m_minus_one >> 118).clamp(0, 63);
    let w = ((m_minus_one - (j << 118)) << 6) / (64 + j);
    Some((to_decimal(LN_STEPS[j as usize] + ln1p_series(w)), halvings))
}

/// ln(1 + w) = w - w^2/2 + w^3/3 - ..., for 0 <= w < 1/64: about twenty terms to reach 2^-124.
fn ln1p_series(w: i128) -> i128 {
    let mut power = w;
    let mut sum = w;
    let mut k = 1;
    loop {
        k += 1;
        power = -mul(power, w);
        let term = div_small(power, k);
        if term == 0 {
            return sum;
        }
        sum += term;
    }
}

/// A value below 8 in magnitude in this fixed point (`None` beyond), for coefficients a caller
/// keeps to call `series_in_inverse` with.
pub(crate) fn fixed(x: Decimal) -> Option<i128> {
    from_decimal(x)
}

/// `sum_k c_k / z^(k + 1)` for `z >= 1`, rounded to 28 places: the tail of an asymptotic series
/// (the Stirling difference of `growth::GammaStep`).
pub(crate) fn series_in_inverse(coefficients: &[i128], z: Decimal) -> Option<Decimal> {
    if z < Decimal::ONE {
        return None;
    }
    // 2^124 10^scale / mantissa, rounded.
    let m = U256::from(z.mantissa().unsigned_abs());
    let inverse = ((U256::from(10u128.pow(z.scale())) << BITS) + (m >> 1)) / m;
    let inverse = i128::try_from(u128::try_from(inverse).ok()?).ok()?;
    let mut power = inverse;
    let mut sum = 0i128;
    for &c in coefficients {
        sum = sum.checked_add(mul(c, power))?;
        power = mul(power, inverse);
    }
    Some(to_decimal(sum))
}

/// `e^(k / 64) - 1` for k = -32..=32 (index k + 32), times 2^124, by Python's `decimal` at 80
/// digits: `((Decimal(k) / 64).exp() - 1) * 2**124`, rounded.
const EXPM1_STEPS: [i128; 65] = [
    -8368167401487829261850868869967848074,
    -8165030141164899609885375904830607794,
    -7958693934463306740646951728005720816,
    -7749108405307695032112395858871923026,
    -7536222384314954421001304045818991540,
    -7319983896301441066277093789344733137,
    -7100340147593465364219074689921808629,
    -6877237513137949226648617534896740973,
    -6650621523410105746098910185154926732,
    -6420436851114944815628266806313669304,
    -6186627297679357934492578992688787770,
    -5949135779531484301723832072815162664,
    -5707904314164008365325696205826049963,
    -5462874005977986242614500586848194128,
    -5213985031903744844325197296884013775,
    -4961176626795343108385188087304718902,
    -4704387068595029465446079698490192068,
    -4443553663264073503857251965166865443,
    -4178612729476292763055717211773101332,
    -3909499583070537647408369809569732796,
    -3636148521258338603230323128393800254,
    -3358492806582859925648807249294212635,
    -3076464650625243844591994558250920104,
    -2789995197454366865632248557863076654,
    -2499014506815967696646328563301755728,
    -2203451537057042459976585669257586971,
    -1903234127781338256451857321646913069,
    -1598288982231710496474667520240186570,
    -1288541649395042728374027714950412840,
    -973916505825359959079759245285234609,
    -654336737180697660357585024744080977,
    -329724319469218768556605820912620206,
    0,
    334916721966163299535010252183627444,
    675107614870657791954495268955670906,
    1020655734820456683810470355824449002,
    1371645445865902140309756213873908373,
    1728162440597816307562871938872886753,
    2090293761068969636938916566232116163,
    2458127820045014395797967860710006828,
    2831754422590071686345529599333939412,
    3211264787992241998532445439122268338,
    3596751572034392313756183728758446389,
    3988308889615657073867329251129120124,
    4386032337729175955229418452563675444,
    4790019018801678361225950192672470869,
    5200367564400612889889726660784493933,
    5617178159314609767815251577181912705,
    6040552566013155389113014240974464309,
    6470594149491450681128402707987720708,
    6907407902506519059581439924247329637,
    7351100471210725257646202381895853556,
    7801780181188963339601903523143630908,
    8259557063905870763739701531055997538,
    8724542883569525465261860711334311091,
    9196851164418184612403408863562502200,
    9676597218436726972766222448053076060,
    10163898173509565737097811662931857423,
    10658873002016905210085341988365057437,
    11161642549881323018186342501365162611,
    11672329566071769429507543292288503999,
    12191058732572187057114939302346530641,
    12717956694822067652176789730828616339,
    13253152092636377914701490614473072285,
    13796775591612403285464890474394501019,
];

/// `ln(1 + j / 64)` for j = 0..64, times 2^124, by Python's `decimal` at 80 digits:
/// `(1 + Decimal(j) / 64).ln() * 2**124`, rounded.
const LN_STEPS: [i128; 64] = [
    0,
    329737580727625156370332339796277934,
    654440802825384666806233784780990971,
    974261084267425326267030792958034276,
    1289343112836450748865117670346430346,
    1599825239163567084238079063772706640,
    1905839841488842563686839095320601613,
    2207513664549623918330276467293441146,
    2504968134767965799572246314279887190,
    2798319653698853184771101121674858949,
    3087679871514045852364890743462907153,
    3373155942129590506913625497133105544,
    3654850761435937513339538707803567968,
    3932863189956085748048575783654981833,
    4207288261137449473498081557629554373,
    4478217376375614851042561363850213750,
    4745738487771449024469128400686494793,
    5009936269535931599144492628559774380,
    5270892278878535267093698654324283713,
    5528685107144056434813688421233659433,
    5783390521898666880814588313153878052,
    6035081600607899773334246071032925139,
    6283828856496658566463016107212459832,
    6529700357133580027354595973717440471,
    6772761836238692208830865089020875013,
    7013076799173840436557223479740228155,
    7250706622539414824041374714966381983,
    7485710648268150554740423556503545235,
    7718146272576874626262710368012590683,
    7948069030109761178003937230865843057,
    8175532673581682978649184908886760256,
    8400589249207386537808667108490062761,
    8623289168181273341596877618519771232,
    8843681274453361263619164080652212158,
    9061812909029367962056930312027868914,
    9277729971006658008403111403300762203,
    9491476975542898048938256801372989587,
    9703097108940552813572229569778744601,
    9912632281017724090461995288866201578,
    10120123174924189972316897559346002752,
    10325609294550757015522712861869438415,
    10529129009670115905283716713840372845,
    10730719598938221607560702486219055943,
    10930417290876738220691346321072020267,
    11128257302949239141169123932799658422,
    11324273878836582370186723436809445156,
    11518500324010141233299993489707369807,
    11710969039695319193961768361982678385,
    11901711555311974422839219617393762094,
    12090758559472989450479071901373434439,
    12278139929617210854936416326323339200,
    12463884760348323650731838768699085476,
    12648021390546887569379227277957324514,
    12830577429318722815094959176149325605,
    13011579780839068325189897815090542838,
    13191054668148425171704337287740192440,
    13369027655952722366066006019206266026,
    13545523672477384417661730178041750027,
    13720567030422023440833194133628347159,
    13894181447059808608690576272844054946,
    14066390063523068720028568535105727100,
    14237215463314347073407385202059484380,
    14406679690079940222411465931673649284,
    14574804264680902920260423835564896076,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::num::tables;

    #[test]
    fn the_table_agrees_with_the_decimal_one() {
        for (fixed, decimal) in EXPM1_STEPS.iter().zip(tables::EXPM1_STEPS) {
            assert_eq!(to_decimal(*fixed), decimal);
        }
        for (fixed, decimal) in LN_STEPS.iter().zip(tables::LN_STEPS) {
            assert_eq!(to_decimal(*fixed), decimal);
        }
    }

    #[test]
    fn conversions_round_trip() {
        for s in [
            "0",
            "0.5",
            "-0.5",
            "0.0000000000000000000000000001",
            "-0.0078125",
            "7.25",
        ] {
            let d: Decimal = s.parse().unwrap();
            assert_eq!(to_decimal(from_decimal(d).unwrap()), d, "{s}");
        }
        assert!(from_decimal(Decimal::from(8)).is_none());
    }
}
