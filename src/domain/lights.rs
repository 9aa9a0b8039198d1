//! Early-warning lights (预警灯): rule sets as data, and the pure functions that turn a report's
//! figures into lights with their explanations.
//!
//! A rule has a stable key, a metric and ordered bands. A band's upper edge is either `below`
//! (exclusive) or `at_most` (inclusive); the last band has no edge and covers the rest. The
//! defaults are those of DOMAIN.md; a region's overrides replace rules by key.

use std::collections::BTreeMap;

use bigdecimal::{BigDecimal, RoundingMode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::indicators::Comparator;
use crate::domain::money::format_decimal;
use crate::domain::monitoring::{Achievement, Likelihood};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    /// No data yet.
    None,
    /// Over-achievement.
    Blue,
    Green,
    Yellow,
    Red,
}

impl Light {
    pub fn as_str(self) -> &'static str {
        match self {
            Light::None => "none",
            Light::Blue => "blue",
            Light::Green => "green",
            Light::Yellow => "yellow",
            Light::Red => "red",
        }
    }

    pub fn parse(text: &str) -> Option<Light> {
        [
            Light::None,
            Light::Blue,
            Light::Green,
            Light::Yellow,
            Light::Red,
        ]
        .into_iter()
        .find(|l| l.as_str() == text)
    }

    /// The worse of two lights: red > yellow > green > blue > none.
    pub fn worst(self, other: Light) -> Light {
        self.max(other)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// A value against a pro-rated expectation, in percent (execution rate ÷ time progress,
    /// actual ÷ expected value).
    RatioToProrated,
    /// Time progress minus execution rate, in percentage points.
    PercentagePointGap,
    /// Whether the actual value meets the target: `inside` or `outside`.
    InsideTarget,
    /// A named value mapped to a light (qualitative results, likelihood).
    Enumerated,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Values below this (exclusive) fall in the band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$", example = "60")]
    pub below: Option<String>,
    /// Values up to this (inclusive) fall in the band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$", example = "10")]
    pub at_most: Option<String>,
    pub light: Light,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub metric: Metric,
    /// For numeric metrics: ascending bands, the last without an edge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
    /// For `inside_target` and `enumerated`: value → light.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub mapping: BTreeMap<String, Light>,
}

// A closed set so the OpenAPI document can name the keys a region may override; `RULE_KEYS`
// stays the source of their descriptions, and a test keeps the two equal.
/// A rule a region may override (see `GET /regions/{code}/warning-rules` for what each does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleKey {
    BudgetExecution,
    BudgetExecutionGap,
    IndicatorAccruing,
    IndicatorFixed,
    IndicatorUpperBound,
    IndicatorQualitative,
    Likelihood,
    FilingDeadline,
    Rectification,
}

impl RuleKey {
    pub const ALL: [RuleKey; 9] = [
        RuleKey::BudgetExecution,
        RuleKey::BudgetExecutionGap,
        RuleKey::IndicatorAccruing,
        RuleKey::IndicatorFixed,
        RuleKey::IndicatorUpperBound,
        RuleKey::IndicatorQualitative,
        RuleKey::Likelihood,
        RuleKey::FilingDeadline,
        RuleKey::Rectification,
    ];
}

/// Keys of the rules, with the light kind each feeds.
pub const RULE_KEYS: &[(&str, &str)] = &[
    (
        "budget_execution",
        "budget execution: execution rate ÷ time progress × 100",
    ),
    (
        "budget_execution_gap",
        "budget execution, alternative: time progress − execution rate (points)",
    ),
    (
        "indicator_accruing",
        "indicators that accrue (>=, >, =): actual ÷ (target × time progress) × 100",
    ),
    (
        "indicator_fixed",
        "quality, timeliness and cost indicators (>=, >, =): inside the target or not",
    ),
    (
        "indicator_upper_bound",
        "indicators with <= or <: meets the target or not",
    ),
    (
        "indicator_qualitative",
        "qualitative indicators: achieved, partly_achieved, not_achieved",
    ),
    (
        "likelihood",
        "likelihood of reaching the target: raises an indicator's light to at least this",
    ),
    (
        "filing_deadline",
        "reports not submitted: days left to the due date against the warning days",
    ),
    (
        "rectification",
        "open rectification tasks: days left to the deadline against the warning days",
    ),
];

fn band(below: Option<&str>, at_most: Option<&str>, light: Light) -> Band {
    Band {
        below: below.map(str::to_owned),
        at_most: at_most.map(str::to_owned),
        light,
    }
}

fn mapping(pairs: &[(&str, Light)]) -> BTreeMap<String, Light> {
    pairs.iter().map(|(k, l)| ((*k).to_owned(), *l)).collect()
}

/// The rules of DOMAIN.md ("Default warning rules").
pub fn default_rules() -> BTreeMap<String, Rule> {
    let numeric = |bands: Vec<Band>, metric| Rule {
        metric,
        bands,
        mapping: BTreeMap::new(),
    };
    let enumerated = |pairs: &[(&str, Light)], metric| Rule {
        metric,
        bands: Vec::new(),
        mapping: mapping(pairs),
    };
    let mut rules = BTreeMap::new();
    rules.insert(
        "budget_execution".to_owned(),
        numeric(
            vec![
                band(Some("60"), None, Light::Red),
                band(Some("80"), None, Light::Yellow),
                band(None, None, Light::Green),
            ],
            Metric::RatioToProrated,
        ),
    );
    rules.insert(
        "budget_execution_gap".to_owned(),
        numeric(
            vec![
                band(None, Some("10"), Light::Green),
                band(None, Some("20"), Light::Yellow),
                band(None, None, Light::Red),
            ],
            Metric::PercentagePointGap,
        ),
    );
    rules.insert(
        "indicator_accruing".to_owned(),
        numeric(
            vec![
                band(Some("60"), None, Light::Red),
                band(Some("80"), None, Light::Yellow),
                band(Some("120"), None, Light::Green),
                band(None, None, Light::Blue),
            ],
            Metric::RatioToProrated,
        ),
    );
    rules.insert(
        "indicator_fixed".to_owned(),
        enumerated(
            &[("inside", Light::Green), ("outside", Light::Red)],
            Metric::InsideTarget,
        ),
    );
    rules.insert(
        "indicator_upper_bound".to_owned(),
        enumerated(
            &[("inside", Light::Green), ("outside", Light::Red)],
            Metric::InsideTarget,
        ),
    );
    rules.insert(
        "indicator_qualitative".to_owned(),
        enumerated(
            &[
                ("achieved", Light::Green),
                ("partly_achieved", Light::Yellow),
                ("not_achieved", Light::Red),
            ],
            Metric::Enumerated,
        ),
    );
    rules.insert(
        "likelihood".to_owned(),
        enumerated(
            &[
                ("certain", Light::None),
                ("possible", Light::Yellow),
                ("impossible", Light::Red),
            ],
            Metric::Enumerated,
        ),
    );
    // Days left before the due date: fewer than 0 (overdue) red, within the warning days yellow.
    // The warning days of the round are added to the `at_most` edge of the yellow band.
    rules.insert(
        "rectification".to_owned(),
        numeric(
            vec![
                band(Some("0"), None, Light::Red),
                band(None, Some("0"), Light::Yellow),
                band(None, None, Light::None),
            ],
            Metric::RatioToProrated,
        ),
    );
    rules.insert(
        "filing_deadline".to_owned(),
        numeric(
            vec![
                band(Some("0"), None, Light::Red),
                band(None, Some("0"), Light::Yellow),
                band(None, None, Light::None),
            ],
            Metric::RatioToProrated,
        ),
    );
    rules
}

/// The rule the budget execution light (and so the project light) is computed with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BudgetRule {
    /// Execution rate ÷ time progress × 100 (the default).
    #[default]
    BudgetExecution,
    /// Time progress − execution rate, in percentage points.
    BudgetExecutionGap,
}

impl BudgetRule {
    /// The key of the rule in the rule set.
    pub fn as_str(self) -> &'static str {
        match self {
            BudgetRule::BudgetExecution => "budget_execution",
            BudgetRule::BudgetExecutionGap => "budget_execution_gap",
        }
    }
}

/// How time progress is measured at a cut-off date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimeProgressBasis {
    /// Months elapsed ÷ 12 (the default).
    #[default]
    Month,
    /// Day of the year ÷ days in the year.
    Day,
}

impl TimeProgressBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeProgressBasis::Month => "month",
            TimeProgressBasis::Day => "day",
        }
    }

    /// Time progress at `cutoff`, in percent, measured this way.
    pub fn at(self, cutoff: chrono::NaiveDate) -> bigdecimal::BigDecimal {
        match self {
            TimeProgressBasis::Month => crate::domain::monitoring::time_progress(cutoff),
            TimeProgressBasis::Day => crate::domain::monitoring::time_progress_by_day(cutoff),
        }
    }
}

/// Which budget metric the project light uses, and the bands of project grades.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub budget_rule: BudgetRule,
    /// Points of 100 for budget execution; indicators share the rest.
    #[schema(value_type = String, pattern = r"^[0-9]{1,3}(\.[0-9]{1,2})?$", example = "10")]
    pub budget_share: String,
    /// Grade edges on the 100-point scale, at or above each: excellent, good, fair.
    #[schema(value_type = Vec<String>, pattern = r"^[0-9]{1,3}(\.[0-9]{1,2})?$", example = json!(["90", "80", "60"]), min_items = 3, max_items = 3)]
    pub grade_edges: Vec<String>,
    /// How time progress is measured at the cut-off; `month` when absent.
    #[serde(default)]
    pub time_progress: TimeProgressBasis,
    /// Percent of its target an indicator's full-year forecast must reach for the system to
    /// propose that reaching it is `possible` and `certain` (below the first: `impossible`);
    /// `["60", "80"]` when absent: the edges of the default accruing-indicator bands, so that
    /// by default a proposed likelihood raises no light the bands would not (a forecast at the
    /// pace so far reaches the same share of the target as the value of the expected one).
    #[serde(default = "default_likelihood_edges")]
    #[schema(value_type = Vec<String>, pattern = r"^[0-9]{1,3}(\.[0-9]{1,2})?$", example = json!(["60", "80"]), min_items = 2, max_items = 2)]
    pub likelihood_edges: Vec<String>,
    /// Language of the analysis the system drafts for the region's reports; `zh` when absent.
    #[serde(default)]
    pub lang: crate::domain::drafts::Lang,
    /// What the results of monitoring should lead to, by grade and overall light: tried in
    /// order, the first that matches suggests; "continue" when none does. The defaults
    /// (`poor_grade`: next year's budget −20 % and rectify; `red_overall_light`: rectify) when
    /// absent.
    #[serde(default = "crate::domain::results::default_suggestions")]
    pub result_suggestions: Vec<crate::domain::results::SuggestionRule>,
}

fn default_likelihood_edges() -> Vec<String> {
    vec!["60".to_owned(), "80".to_owned()]
}

impl Settings {
    /// The likelihood edges as numbers (the defaults if they do not parse, which the API
    /// refuses to store).
    pub fn likelihood_edges(&self) -> crate::domain::proposals::LikelihoodEdges {
        match self
            .likelihood_edges
            .iter()
            .map(|e| dec(e))
            .collect::<Option<Vec<_>>>()
            .as_deref()
        {
            Some([possible, certain]) => crate::domain::proposals::LikelihoodEdges {
                possible: possible.clone(),
                certain: certain.clone(),
            },
            _ => crate::domain::proposals::LikelihoodEdges::default(),
        }
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            budget_rule: BudgetRule::BudgetExecution,
            budget_share: "10".to_owned(),
            grade_edges: vec!["90".to_owned(), "80".to_owned(), "60".to_owned()],
            time_progress: TimeProgressBasis::Month,
            likelihood_edges: default_likelihood_edges(),
            lang: crate::domain::drafts::Lang::Zh,
            result_suggestions: crate::domain::results::default_suggestions(),
        }
    }
}

fn dec(text: &str) -> Option<BigDecimal> {
    crate::domain::money::parse_decimal(text, 4).ok()
}

/// What is wrong with a rule, if anything: bands ascending and covering the whole range, known
/// mapping keys.
pub fn check_rule(key: &str, rule: &Rule) -> Result<(), String> {
    let Some(_) = RULE_KEYS.iter().find(|(k, _)| *k == key) else {
        return Err(format!("unknown rule key {key}"));
    };
    match rule.metric {
        Metric::RatioToProrated | Metric::PercentagePointGap => {
            if rule.bands.is_empty() {
                return Err("needs bands".to_owned());
            }
            let last = rule.bands.len() - 1;
            // Edges compare by value, then `below v` before `at most v` (which adds v itself).
            let mut previous: Option<(BigDecimal, u8)> = None;
            for (i, b) in rule.bands.iter().enumerate() {
                let number =
                    |e: &String| dec(e).ok_or_else(|| format!("band {i}: {e:?} is not a number"));
                let edge = match (&b.below, &b.at_most) {
                    (Some(_), Some(_)) => {
                        return Err(format!("band {i} has both below and at_most"));
                    }
                    (Some(e), None) => Some((number(e)?, 0)),
                    (None, Some(e)) => Some((number(e)?, 1)),
                    (None, None) => None,
                };
                match (edge, i == last) {
                    (None, false) => {
                        return Err(format!("band {i} has no edge but is not the last band"));
                    }
                    (Some(_), true) => {
                        return Err(
                            "the last band must have no edge, so the bands cover every value"
                                .to_owned(),
                        );
                    }
                    (Some(e), false) => {
                        if previous.as_ref().is_some_and(|p| e <= *p) {
                            return Err(format!(
                                "band {i}'s edge must be above the previous band's"
                            ));
                        }
                        previous = Some(e);
                    }
                    (None, true) => {}
                }
            }
            if !rule.mapping.is_empty() {
                return Err("a numeric rule takes bands, not a mapping".to_owned());
            }
        }
        Metric::InsideTarget | Metric::Enumerated => {
            let expected: &[&str] = match key {
                "indicator_qualitative" => &["achieved", "partly_achieved", "not_achieved"],
                "likelihood" => &["certain", "possible", "impossible"],
                _ => &["inside", "outside"],
            };
            let mut keys: Vec<&str> = rule.mapping.keys().map(String::as_str).collect();
            keys.sort_unstable();
            let mut want = expected.to_vec();
            want.sort_unstable();
            if keys != want {
                return Err(format!(
                    "the mapping must name exactly: {}",
                    expected.join(", ")
                ));
            }
            if !rule.bands.is_empty() {
                return Err("a mapping rule takes no bands".to_owned());
            }
        }
    }
    Ok(())
}

/// Why a light is what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Explanation {
    pub rule: String,
    pub metric: Metric,
    /// The inputs, by name, as decimal strings or names.
    #[schema(value_type = Object)]
    pub inputs: BTreeMap<String, String>,
    /// The computed value the bands were applied to, if numeric.
    pub value: Option<String>,
    /// The band or mapping entry that decided, e.g. `below 60` or `possible`.
    pub matched: String,
    pub light: Light,
}

fn apply_bands(rule: &Rule, value: &BigDecimal, offset: &BigDecimal) -> (Light, String) {
    for b in &rule.bands {
        if let Some(e) = b.below.as_deref().and_then(dec) {
            let e = e + offset;
            if *value < e {
                return (b.light, format!("below {}", format_decimal(&e)));
            }
        } else if let Some(e) = b.at_most.as_deref().and_then(dec) {
            let e = e + offset;
            if *value <= e {
                return (b.light, format!("at most {}", format_decimal(&e)));
            }
        } else {
            return (b.light, "above the last edge".to_owned());
        }
    }
    (Light::None, "no band".to_owned())
}

fn ratio(numerator: &BigDecimal, denominator: &BigDecimal) -> Option<BigDecimal> {
    if *denominator == 0 {
        return None;
    }
    Some(
        (numerator * BigDecimal::from(100) / denominator)
            .with_scale_round(2, RoundingMode::HalfEven),
    )
}

fn inputs(pairs: &[(&str, String)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

fn none_light(rule: &str, metric: Metric, why: &str, pairs: &[(&str, String)]) -> Explanation {
    Explanation {
        rule: rule.to_owned(),
        metric,
        inputs: inputs(pairs),
        value: None,
        matched: why.to_owned(),
        light: Light::None,
    }
}

/// The budget execution light from the rate and time progress (both in percent).
pub fn budget_light(
    rules: &BTreeMap<String, Rule>,
    settings: &Settings,
    rate: Option<&BigDecimal>,
    progress: &BigDecimal,
) -> Explanation {
    let key = settings.budget_rule.as_str();
    let rule = &rules[key];
    let Some(rate) = rate else {
        return none_light(
            key,
            rule.metric,
            "no budget to measure against",
            &[("time_progress", format_decimal(progress))],
        );
    };
    let pairs = [
        ("execution_rate", format_decimal(rate)),
        ("time_progress", format_decimal(progress)),
    ];
    let value = match rule.metric {
        Metric::PercentagePointGap => Some(progress - rate),
        _ => ratio(rate, progress),
    };
    let Some(value) = value else {
        return none_light(key, rule.metric, "no time has elapsed", &pairs);
    };
    let (light, matched) = apply_bands(rule, &value, &BigDecimal::from(0));
    Explanation {
        rule: key.to_owned(),
        metric: rule.metric,
        inputs: inputs(&pairs),
        value: Some(format_decimal(&value)),
        matched,
        light,
    }
}

/// One indicator's light, before its likelihood is taken into account.
pub struct IndicatorFacts<'a> {
    pub comparator: Comparator,
    pub accrues: bool,
    pub target: Option<&'a BigDecimal>,
    pub expected: Option<&'a BigDecimal>,
    pub actual_value: Option<&'a BigDecimal>,
    pub actual_text: Option<Achievement>,
    pub likelihood: Option<Likelihood>,
}

pub fn indicator_light(rules: &BTreeMap<String, Rule>, f: &IndicatorFacts<'_>) -> Explanation {
    let base = match f.comparator {
        Comparator::Qualitative => {
            let rule = &rules["indicator_qualitative"];
            match f.actual_text {
                None => none_light(
                    "indicator_qualitative",
                    rule.metric,
                    "no actual value yet",
                    &[],
                ),
                Some(a) => {
                    let light = rule.mapping.get(a.as_str()).copied().unwrap_or(Light::None);
                    Explanation {
                        rule: "indicator_qualitative".to_owned(),
                        metric: rule.metric,
                        inputs: inputs(&[("actual", a.as_str().to_owned())]),
                        value: None,
                        matched: a.as_str().to_owned(),
                        light,
                    }
                }
            }
        }
        Comparator::AtMost | Comparator::Below => inside_light(rules, "indicator_upper_bound", f),
        _ if !f.accrues => inside_light(rules, "indicator_fixed", f),
        _ => {
            let rule = &rules["indicator_accruing"];
            match (f.actual_value, f.expected) {
                (Some(actual), Some(expected)) => {
                    let pairs = [
                        ("actual", format_decimal(actual)),
                        ("expected", format_decimal(expected)),
                    ];
                    match ratio(actual, expected) {
                        Some(value) => {
                            let (light, matched) = apply_bands(rule, &value, &BigDecimal::from(0));
                            Explanation {
                                rule: "indicator_accruing".to_owned(),
                                metric: rule.metric,
                                inputs: inputs(&pairs),
                                value: Some(format_decimal(&value)),
                                matched,
                                light,
                            }
                        }
                        // Nothing expected yet: anything reached is on track.
                        None => Explanation {
                            rule: "indicator_accruing".to_owned(),
                            metric: rule.metric,
                            inputs: inputs(&pairs),
                            value: None,
                            matched: "nothing expected yet".to_owned(),
                            light: Light::Green,
                        },
                    }
                }
                _ => none_light(
                    "indicator_accruing",
                    rule.metric,
                    "no actual value yet",
                    &[],
                ),
            }
        }
    };
    apply_likelihood(rules, base, f.likelihood)
}

fn inside_light(rules: &BTreeMap<String, Rule>, key: &str, f: &IndicatorFacts<'_>) -> Explanation {
    let rule = &rules[key];
    let (Some(actual), Some(target)) = (f.actual_value, f.target) else {
        return none_light(key, rule.metric, "no actual value yet", &[]);
    };
    let inside = match f.comparator {
        Comparator::AtLeast => actual >= target,
        Comparator::Above => actual > target,
        Comparator::Equal => actual == target,
        Comparator::AtMost => actual <= target,
        Comparator::Below => actual < target,
        Comparator::Qualitative => false,
    };
    let name = if inside { "inside" } else { "outside" };
    Explanation {
        rule: key.to_owned(),
        metric: rule.metric,
        inputs: inputs(&[
            ("actual", format_decimal(actual)),
            ("target", format_decimal(target)),
            ("comparator", f.comparator.as_str().to_owned()),
        ]),
        value: None,
        matched: name.to_owned(),
        light: rule.mapping.get(name).copied().unwrap_or(Light::None),
    }
}

/// "Impossible → red, possible → at least yellow": the likelihood can only make a light worse.
fn apply_likelihood(
    rules: &BTreeMap<String, Rule>,
    base: Explanation,
    likelihood: Option<Likelihood>,
) -> Explanation {
    let Some(l) = likelihood else { return base };
    let floor = rules["likelihood"]
        .mapping
        .get(l.as_str())
        .copied()
        .unwrap_or(Light::None);
    if floor <= base.light || floor == Light::None {
        return base;
    }
    let mut raised = base;
    raised
        .inputs
        .insert("likelihood".to_owned(), l.as_str().to_owned());
    raised.matched = format!("{} (raised by likelihood {})", raised.matched, l.as_str());
    raised.rule = format!("{}+likelihood", raised.rule);
    raised.light = floor;
    raised
}

/// The worst of the lights given, ignoring `none`; `none` when all are.
pub fn worst_of(lights: impl IntoIterator<Item = Light>) -> Light {
    lights.into_iter().fold(Light::None, Light::worst)
}

/// The project light: budget red → red; budget yellow → at least yellow; otherwise the goal
/// decides (doubtful → yellow, reachable → green). `none` until both have data.
pub fn overall_light(budget: Light, goal: Light) -> (Light, String) {
    match (budget, goal) {
        (Light::None, _) | (_, Light::None) => (
            Light::None,
            "budget execution or goal has no data yet".to_owned(),
        ),
        (Light::Red, _) => (Light::Red, "budget execution is abnormal".to_owned()),
        (Light::Yellow, _) => (Light::Yellow, "budget execution is behind".to_owned()),
        (_, Light::Red | Light::Yellow) => (
            Light::Yellow,
            "execution is normal but the goal is doubtful".to_owned(),
        ),
        _ => (
            Light::Green,
            "execution is normal and the goal is reachable".to_owned(),
        ),
    }
}

/// Filing deadline light of a report not yet submitted: `days_left` to the due date.
pub fn filing_light(
    rules: &BTreeMap<String, Rule>,
    days_left: i64,
    warning_days: i64,
    submitted: bool,
) -> Explanation {
    deadline_light(rules, "filing_deadline", days_left, warning_days, submitted)
}

/// The light of something due by a deadline: none once done; red past the deadline; yellow
/// within the warning days before it (the yellow band's edge moves with the warning days).
pub fn deadline_light(
    rules: &BTreeMap<String, Rule>,
    key: &str,
    days_left: i64,
    warning_days: i64,
    done: bool,
) -> Explanation {
    let rule = &rules[key];
    let pairs = [
        ("days_left", days_left.to_string()),
        ("warning_days", warning_days.to_string()),
    ];
    if done {
        return none_light(key, rule.metric, "done", &pairs);
    }
    let value = BigDecimal::from(days_left);
    let mut bands = rule.bands.clone();
    for b in &mut bands {
        if b.light == Light::Yellow
            && let Some(e) = b.at_most.as_deref().and_then(dec)
        {
            b.at_most = Some(format_decimal(&(e + BigDecimal::from(warning_days))));
        }
    }
    let shifted = Rule {
        bands,
        ..rule.clone()
    };
    let (light, matched) = apply_bands(&shifted, &value, &BigDecimal::from(0));
    Explanation {
        rule: key.to_owned(),
        metric: rule.metric,
        inputs: inputs(&pairs),
        value: Some(days_left.to_string()),
        matched,
        light,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rule_keys_of_the_document_are_the_rule_keys() {
        let named: Vec<String> = RuleKey::ALL
            .iter()
            .map(|k| {
                serde_json::to_value(k)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        let keys: Vec<&str> = RULE_KEYS.iter().map(|(k, _)| *k).collect();
        assert_eq!(named, keys);
    }

    fn d(v: &str) -> BigDecimal {
        v.parse().unwrap()
    }

    fn budget(rate: &str, progress: &str) -> Light {
        budget_light(
            &default_rules(),
            &Settings::default(),
            Some(&d(rate)),
            &d(progress),
        )
        .light
    }

    #[test]
    fn the_defaults_are_valid_rules() {
        for (key, rule) in default_rules() {
            check_rule(&key, &rule).unwrap_or_else(|e| panic!("{key}: {e}"));
        }
    }

    #[test]
    fn budget_bands_at_their_edges() {
        // ratio = rate ÷ 50 × 100
        assert_eq!(budget("29.99", "50"), Light::Red); // 59.98
        assert_eq!(budget("30", "50"), Light::Yellow); // 60
        assert_eq!(budget("39.99", "50"), Light::Yellow); // 79.98
        assert_eq!(budget("40", "50"), Light::Green); // 80
        assert_eq!(budget("90", "50"), Light::Green);
        assert_eq!(
            budget_light(&default_rules(), &Settings::default(), None, &d("50")).light,
            Light::None
        );
    }

    #[test]
    fn gap_metric_bands_at_their_edges() {
        let settings = Settings {
            budget_rule: BudgetRule::BudgetExecutionGap,
            ..Settings::default()
        };
        let gap = |rate: &str| {
            budget_light(&default_rules(), &settings, Some(&d(rate)), &d("58.33")).light
        };
        assert_eq!(gap("48.33"), Light::Green); // gap 10
        assert_eq!(gap("48.32"), Light::Yellow); // 10.01
        assert_eq!(gap("38.33"), Light::Yellow); // 20
        assert_eq!(gap("38.32"), Light::Red); // 20.01
    }

    fn accruing(actual: &str, expected: &str) -> Explanation {
        indicator_light(
            &default_rules(),
            &IndicatorFacts {
                comparator: Comparator::AtLeast,
                accrues: true,
                target: Some(&d("120")),
                expected: Some(&d(expected)),
                actual_value: Some(&d(actual)),
                actual_text: None,
                likelihood: None,
            },
        )
    }

    #[test]
    fn accruing_indicator_bands_at_their_edges() {
        assert_eq!(accruing("59.99", "100").light, Light::Red);
        assert_eq!(accruing("60", "100").light, Light::Yellow);
        assert_eq!(accruing("79.99", "100").light, Light::Yellow);
        assert_eq!(accruing("80", "100").light, Light::Green);
        assert_eq!(accruing("119.99", "100").light, Light::Green);
        assert_eq!(accruing("120", "100").light, Light::Blue);
        let e = accruing("50", "69.996");
        assert_eq!(
            (e.value.as_deref(), e.matched.as_str()),
            (Some("71.43"), "below 80")
        );
        assert_eq!(
            accruing("5", "0").light,
            Light::Green,
            "nothing expected yet"
        );
    }

    fn fixed(comparator: Comparator, actual: &str, target: &str) -> Light {
        indicator_light(
            &default_rules(),
            &IndicatorFacts {
                comparator,
                accrues: false,
                target: Some(&d(target)),
                expected: Some(&d(target)),
                actual_value: Some(&d(actual)),
                actual_text: None,
                likelihood: None,
            },
        )
        .light
    }

    #[test]
    fn every_comparator_inside_and_outside() {
        use Comparator::*;
        assert_eq!(fixed(AtLeast, "95", "95"), Light::Green);
        assert_eq!(fixed(AtLeast, "94.99", "95"), Light::Red);
        assert_eq!(fixed(Above, "95", "95"), Light::Red);
        assert_eq!(fixed(Above, "95.01", "95"), Light::Green);
        assert_eq!(fixed(Equal, "0", "0"), Light::Green);
        assert_eq!(fixed(Equal, "1", "0"), Light::Red);
        assert_eq!(fixed(AtMost, "30", "30"), Light::Green);
        assert_eq!(fixed(AtMost, "30.01", "30"), Light::Red);
        assert_eq!(fixed(Below, "30", "30"), Light::Red);
        assert_eq!(fixed(Below, "29.99", "30"), Light::Green);
    }

    #[test]
    fn qualitative_missing_and_likelihood() {
        let rules = default_rules();
        let qual = |a: Option<Achievement>, l: Option<Likelihood>| {
            indicator_light(
                &rules,
                &IndicatorFacts {
                    comparator: Comparator::Qualitative,
                    accrues: false,
                    target: None,
                    expected: None,
                    actual_value: None,
                    actual_text: a,
                    likelihood: l,
                },
            )
            .light
        };
        assert_eq!(qual(Some(Achievement::Achieved), None), Light::Green);
        assert_eq!(qual(Some(Achievement::PartlyAchieved), None), Light::Yellow);
        assert_eq!(qual(Some(Achievement::NotAchieved), None), Light::Red);
        assert_eq!(qual(None, None), Light::None);
        assert_eq!(
            qual(Some(Achievement::Achieved), Some(Likelihood::Possible)),
            Light::Yellow
        );
        assert_eq!(
            qual(Some(Achievement::Achieved), Some(Likelihood::Impossible)),
            Light::Red
        );
        assert_eq!(
            qual(Some(Achievement::NotAchieved), Some(Likelihood::Possible)),
            Light::Red,
            "likelihood never improves a light"
        );
        assert_eq!(
            qual(Some(Achievement::Achieved), Some(Likelihood::Certain)),
            Light::Green
        );
        let missing_target = indicator_light(
            &rules,
            &IndicatorFacts {
                comparator: Comparator::AtMost,
                accrues: false,
                target: None,
                expected: None,
                actual_value: Some(&d("3")),
                actual_text: None,
                likelihood: None,
            },
        );
        assert_eq!(missing_target.light, Light::None);
    }

    #[test]
    fn goal_and_overall_lights() {
        assert_eq!(
            worst_of([Light::Blue, Light::Green, Light::None]),
            Light::Green
        );
        assert_eq!(
            worst_of([Light::Blue, Light::Red, Light::Yellow]),
            Light::Red
        );
        assert_eq!(worst_of([Light::None]), Light::None);
        assert_eq!(overall_light(Light::Green, Light::Blue).0, Light::Green);
        assert_eq!(overall_light(Light::Green, Light::Yellow).0, Light::Yellow);
        assert_eq!(overall_light(Light::Yellow, Light::Green).0, Light::Yellow);
        assert_eq!(overall_light(Light::Red, Light::Green).0, Light::Red);
        assert_eq!(overall_light(Light::None, Light::Green).0, Light::None);
    }

    #[test]
    fn filing_deadline_follows_the_warning_days() {
        let rules = default_rules();
        assert_eq!(filing_light(&rules, 6, 5, false).light, Light::None);
        assert_eq!(filing_light(&rules, 5, 5, false).light, Light::Yellow);
        assert_eq!(filing_light(&rules, 0, 5, false).light, Light::Yellow);
        assert_eq!(filing_light(&rules, -1, 5, false).light, Light::Red);
        assert_eq!(filing_light(&rules, -30, 5, true).light, Light::None);
    }

    #[test]
    fn broken_overrides_are_named() {
        let mut rule = default_rules()["budget_execution"].clone();
        rule.bands.swap(0, 1);
        assert!(
            check_rule("budget_execution", &rule)
                .unwrap_err()
                .contains("above the previous")
        );
        let mut rule = default_rules()["budget_execution"].clone();
        rule.bands.pop();
        assert!(
            check_rule("budget_execution", &rule)
                .unwrap_err()
                .contains("last band")
        );
        let mut rule = default_rules()["indicator_qualitative"].clone();
        rule.mapping.remove("partly_achieved");
        assert!(check_rule("indicator_qualitative", &rule).is_err());
        assert!(check_rule("no_such_rule", &rule).is_err());
    }

    fn cents(n: u32) -> BigDecimal {
        BigDecimal::from(n) / BigDecimal::from(100)
    }

    proptest! {
        #[test]
        fn more_execution_never_gives_a_worse_budget_light(a in 0u32..20_000, b in 0u32..20_000, p in 1u32..10_000) {
            let (lo, hi) = (a.min(b), a.max(b));
            let rules = default_rules();
            for settings in [Settings::default(), Settings { budget_rule: BudgetRule::BudgetExecutionGap, ..Settings::default() }] {
                let l = budget_light(&rules, &settings, Some(&cents(lo)), &cents(p)).light;
                let h = budget_light(&rules, &settings, Some(&cents(hi)), &cents(p)).light;
                let rank = |x: Light| match x { Light::Red => 0, Light::Yellow => 1, _ => 2 };
                prop_assert!(rank(h) >= rank(l), "{lo} -> {l:?}, {hi} -> {h:?}");
            }
        }

        #[test]
        fn a_higher_actual_is_never_worse_for_at_least_and_never_better_for_at_most(a in 0u32..50_000, b in 0u32..50_000, t in 1u32..20_000, accrues: bool) {
            let (lo, hi) = (cents(a.min(b)), cents(a.max(b)));
            let target = cents(t);
            let rules = default_rules();
            // Goodness: red worst; blue and green both on track.
            let rank = |x: Light| match x { Light::Red => 0, Light::Yellow => 1, _ => 2 };
            let light = |c, actual: &BigDecimal| indicator_light(&rules, &IndicatorFacts {
                comparator: c, accrues, target: Some(&target), expected: Some(&target),
                actual_value: Some(actual), actual_text: None, likelihood: None,
            }).light;
            prop_assert!(rank(light(Comparator::AtLeast, &hi)) >= rank(light(Comparator::AtLeast, &lo)));
            prop_assert!(rank(light(Comparator::AtMost, &hi)) <= rank(light(Comparator::AtMost, &lo)));
        }
    }
}
