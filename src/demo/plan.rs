//! What the demo data set contains, decided without IO so that its story can be checked by unit
//! tests: Shandong's 2021 monitoring as published (1,384 key-monitored projects worth 41.77 bn
//! yuan, 3.37 bn adjusted and recovered, and the named provincial, Rizhao, Jinan and Yantai
//! cases). `scale` adds ordinary projects only, so the published figures hold at any scale.

use super::rng::Rng;

pub const SEED: u64 = 2021;
pub const KEY_PROJECTS: usize = 1_384;
pub const KEY_FUNDS: i64 = 41_770_000_000;
pub const ADJUSTED_AND_RECOVERED: i64 = 3_370_000_000;
pub const PROVINCIAL_KEY_PROJECTS: usize = 9;
pub const RIZHAO_KEY_PROJECTS: usize = 49;
pub const RIZHAO_OPINIONS: u32 = 68;
pub const RIZHAO_SUGGESTIONS: u32 = 44;
pub const RIZHAO_POLICY_REVISIONS: u32 = 23;
pub const JINAN_SCIENCE_PROJECTS: usize = 12;
pub const JINAN_REDUCED: i64 = 300_000_000;
pub const YANTAI_REALLOCATED: i64 = 200_000_000;
pub const LIVELIHOOD: &str = "People's livelihood: elderly care, school places and medical aid";
pub const LIVELIHOOD_CLASS: &str = "208";

/// Cities with their key-monitored project counts; with the province's 9 they make 1,384.
pub const CITIES: [(&str, &str, &str, usize); 16] = [
    ("370100", "Jinan", "JN", 96),
    ("370200", "Qingdao", "QD", 120),
    ("370300", "Zibo", "ZB", 85),
    ("370400", "Zaozhuang", "ZZ", 70),
    ("370500", "Dongying", "DY", 75),
    ("370600", "Yantai", "YT", 100),
    ("370700", "Weifang", "WF", 110),
    ("370800", "Jining", "JI", 95),
    ("370900", "Tai'an", "TA", 80),
    ("371000", "Weihai", "WH", 70),
    ("371100", "Rizhao", "RZ", RIZHAO_KEY_PROJECTS),
    ("371300", "Linyi", "LY", 105),
    ("371400", "Dezhou", "DZ", 75),
    ("371500", "Liaocheng", "LC", 80),
    ("371600", "Binzhou", "BZ", 70),
    ("371700", "Heze", "HZ", 95),
];

/// Fields of government work: the department's name part, its code part and the expenditure
/// function class its projects are booked under, with typical project names.
pub const FIELDS: [(&str, &str, &str, [&str; 4]); 24] = [
    (
        "Science and Technology",
        "KJ",
        "206",
        [
            "Key research and development programme",
            "Innovation platform construction",
            "Technology enterprise incubation",
            "Basic research fund",
        ],
    ),
    (
        "Education",
        "JY",
        "205",
        [
            "Rural school renovation",
            "Teacher training programme",
            "Vocational education upgrade",
            "Student financial aid",
        ],
    ),
    (
        "Emergency Management",
        "YJ",
        "224",
        [
            "Emergency supplies reserve",
            "Flood control and drought relief",
            "Work safety inspection",
            "Disaster early-warning network",
        ],
    ),
    (
        "Housing and Urban-Rural Development",
        "ZJ",
        "212",
        [
            "Old residential area renovation",
            "Urban drainage works",
            "Sponge city pilot",
            "Rural housing safety",
        ],
    ),
    (
        "Transport",
        "JT",
        "214",
        [
            "Rural road maintenance",
            "Highway service upgrade",
            "Port logistics subsidy",
            "Public transport subsidy",
        ],
    ),
    (
        "Agriculture and Rural Affairs",
        "NY",
        "213",
        [
            "High-standard farmland",
            "Seed industry revitalisation",
            "Agricultural machinery subsidy",
            "Rural revitalisation demonstration",
        ],
    ),
    (
        "Water Resources",
        "SL",
        "213",
        [
            "Reservoir reinforcement",
            "River course regulation",
            "Rural drinking water safety",
            "Soil and water conservation",
        ],
    ),
    (
        "Health",
        "WS",
        "210",
        [
            "Public health emergency capacity",
            "County hospital upgrade",
            "Basic public health services",
            "Medical talent training",
        ],
    ),
    (
        "Civil Affairs",
        "MZ",
        "208",
        [
            "Elderly care services",
            "Child welfare subsidy",
            "Community services",
            "Minimum living allowance",
        ],
    ),
    (
        "Human Resources and Social Security",
        "RS",
        "208",
        [
            "Employment training subsidy",
            "Entrepreneurship guarantee loans",
            "Skills competition",
            "Talent introduction",
        ],
    ),
    (
        "Ecology and Environment",
        "HB",
        "211",
        [
            "Air pollution control",
            "Water environment protection",
            "Soil remediation",
            "Ecological monitoring network",
        ],
    ),
    (
        "Natural Resources",
        "ZR",
        "220",
        [
            "Land consolidation",
            "Mine restoration",
            "Geological survey",
            "Coastal zone protection",
        ],
    ),
    (
        "Culture and Tourism",
        "WL",
        "207",
        [
            "Public library services",
            "Cultural heritage protection",
            "Tourism promotion",
            "Rural cultural stations",
        ],
    ),
    (
        "Commerce",
        "SW",
        "216",
        [
            "Foreign trade development",
            "County commerce system",
            "Exhibition subsidy",
            "E-commerce in rural areas",
        ],
    ),
    (
        "Industry and Information Technology",
        "GX",
        "215",
        [
            "Manufacturing upgrade",
            "Small and medium enterprise services",
            "Industrial internet",
            "Energy saving retrofit",
        ],
    ),
    (
        "Market Regulation",
        "SJ",
        "201",
        [
            "Food safety sampling",
            "Standardisation projects",
            "Quality inspection capacity",
            "Credit supervision platform",
        ],
    ),
    (
        "Veterans Affairs",
        "TY",
        "208",
        [
            "Veteran employment support",
            "Martyrs memorial maintenance",
            "Preferential care subsidy",
            "Veteran service stations",
        ],
    ),
    (
        "Sports",
        "TI",
        "207",
        [
            "National fitness facilities",
            "Youth sports training",
            "Sports events",
            "Stadium opening subsidy",
        ],
    ),
    (
        "Medical Security",
        "YB",
        "210",
        [
            "Medical assistance fund",
            "Medical insurance information system",
            "Long-term care insurance pilot",
            "Drug procurement reform",
        ],
    ),
    (
        "Justice",
        "SF",
        "204",
        [
            "Public legal services",
            "Community correction",
            "Legal aid",
            "Mediation network",
        ],
    ),
    (
        "Public Security",
        "GA",
        "204",
        [
            "Smart policing",
            "Traffic management facilities",
            "Public security video network",
            "Fire rescue equipment",
        ],
    ),
    (
        "Development and Reform",
        "FG",
        "201",
        [
            "Major project preparation",
            "Price monitoring",
            "Social credit system",
            "Regional coordination",
        ],
    ),
    (
        "Forestry",
        "LY",
        "213",
        [
            "Afforestation",
            "Forest fire prevention",
            "Wetland protection",
            "Pest control",
        ],
    ),
    (
        "Big Data",
        "DS",
        "201",
        [
            "Government cloud",
            "Data sharing platform",
            "One-stop services online",
            "Digital government security",
        ],
    ),
];

/// Provincial bodies beside the 24 offices of `FIELDS`, to reach 108 provincial departments.
const PROVINCIAL_KINDS: [&str; 3] = ["Service Centre", "Research Institute", "Affairs Bureau"];

#[derive(Debug, Clone)]
pub struct RegionSeed {
    pub code: String,
    pub name: String,
    pub level: &'static str,
    pub parent: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct DepartmentSeed {
    pub region: usize,
    pub code: String,
    pub name: String,
    pub field: usize,
    pub classified: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportState {
    /// Not touched by the department.
    Untouched,
    /// Partly filled, not submitted.
    Draft,
    Submitted,
    Returned,
    Approved,
}

#[derive(Debug, Clone)]
pub struct KeySeed {
    pub concluded: bool,
    /// (category, severity)
    pub findings: Vec<(&'static str, &'static str)>,
    pub opinions: u32,
    pub suggestions: u32,
    pub policy_revisions: u32,
    /// The first finding's rectification task and where it stands.
    pub rectification: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct ProjectSeed {
    pub department: usize,
    pub code: String,
    pub name: String,
    pub function_class: &'static str,
    /// Yuan, whole.
    pub budget: i64,
    /// Executed by the cut-off, in thousandths of the budget.
    pub executed_permille: i64,
    /// How far the targets are reached relative to the expectation, in thousandths.
    pub performance_permille: i64,
    pub report: ReportState,
    pub late: bool,
    pub key: Option<KeySeed>,
}

#[derive(Debug, Clone)]
pub struct AdjustmentSeed {
    pub project: usize,
    pub kind: &'static str,
    /// Yuan; none for suspend and stop.
    pub amount: Option<i64>,
    pub destination: Option<(&'static str, &'static str)>,
    pub document: String,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub regions: Vec<RegionSeed>,
    pub departments: Vec<DepartmentSeed>,
    pub projects: Vec<ProjectSeed>,
    pub adjustments: Vec<AdjustmentSeed>,
}

const FINDINGS: [&str; 6] = [
    "slow_progress",
    "idle_funds",
    "non_standard_management",
    "unreasonable_targets",
    "unclear_objectives",
    "other",
];
const FINDING_WEIGHTS: [u32; 6] = [35, 20, 15, 12, 10, 8];
const SEVERITIES: [&str; 3] = ["low", "medium", "high"];

/// Counties (or districts) kept per city: (code suffix, name).
fn counties(city_code: &str, city_name: &str) -> Vec<(String, String)> {
    let prefix = &city_code[..4];
    match city_code {
        "370100" => vec![
            (format!("{prefix}02"), "Lixia District".to_owned()),
            (format!("{prefix}03"), "Shizhong District".to_owned()),
            (format!("{prefix}04"), "Huaiyin District".to_owned()),
        ],
        "370200" => vec![
            (format!("{prefix}02"), "Shinan District".to_owned()),
            (format!("{prefix}03"), "Shibei District".to_owned()),
            (format!("{prefix}11"), "Huangdao District".to_owned()),
        ],
        _ => vec![
            (
                format!("{prefix}02"),
                format!("{city_name} Central District"),
            ),
            (
                format!("{prefix}03"),
                format!("{city_name} Northern District"),
            ),
            (
                format!("{prefix}81"),
                format!("{city_name} County-level City"),
            ),
        ],
    }
}

struct Builder {
    rng: Rng,
    plan: Plan,
}

impl Builder {
    fn region(
        &mut self,
        code: &str,
        name: &str,
        level: &'static str,
        parent: Option<usize>,
    ) -> usize {
        self.plan.regions.push(RegionSeed {
            code: code.to_owned(),
            name: name.to_owned(),
            level,
            parent,
        });
        self.plan.regions.len() - 1
    }

    fn department(&mut self, region: usize, code: String, name: String, field: usize) -> usize {
        self.plan.departments.push(DepartmentSeed {
            region,
            code,
            name,
            field,
            classified: false,
        });
        self.plan.departments.len() - 1
    }

    fn report_state(&mut self) -> (ReportState, bool) {
        let state = match self.rng.weighted(&[55, 14, 5, 14, 12]) {
            0 => ReportState::Approved,
            1 => ReportState::Submitted,
            2 => ReportState::Returned,
            3 => ReportState::Draft,
            _ => ReportState::Untouched,
        };
        let late =
            matches!(state, ReportState::Approved | ReportState::Submitted) && self.rng.chance(12);
        (state, late)
    }

    /// A project; its budget is set later for key-monitored ones.
    fn project(&mut self, department: usize, key: bool) -> usize {
        let dept = &self.plan.departments[department];
        let (_, _, class, names) = FIELDS[dept.field];
        let n = self.plan.projects.len() + 1;
        let name = format!("{} {}", self.rng.pick(&names), n);
        let code = format!("{}-{n:06}", dept.code);
        let (report, late) = self.report_state();
        // A real province: most projects spend on schedule and reach their targets, a minority
        // lag, few are far behind; the projects picked for key monitoring lag more often.
        let pace: &[u32] = if key { &[50, 32, 18] } else { &[82, 13, 5] };
        let executed_permille = match self.rng.weighted(pace) {
            0 => self.rng.range(480, 800),
            1 => self.rng.range(360, 460),
            _ => self.rng.range(150, 330),
        };
        let performance_permille = match self.rng.weighted(&[78, 8, 10, 4]) {
            0 => self.rng.range(940, 1150),
            1 => self.rng.range(1220, 1400),
            2 => self.rng.range(650, 840),
            _ => self.rng.range(420, 590),
        };
        let budget = self.rng.range(500, 20_000) * 1_000;
        let key = key.then(|| self.key_seed());
        self.plan.projects.push(ProjectSeed {
            department,
            code,
            name,
            function_class: class,
            budget,
            executed_permille,
            performance_permille,
            report,
            late,
            key,
        });
        self.plan.projects.len() - 1
    }

    fn key_seed(&mut self) -> KeySeed {
        let mut findings = Vec::new();
        let count = if self.rng.chance(30) { 2 } else { 1 };
        for _ in 0..count {
            let category = FINDINGS[self.rng.weighted(&FINDING_WEIGHTS)];
            let severity = *self.rng.pick(&SEVERITIES);
            findings.push((category, severity));
        }
        let rectification = match self.rng.weighted(&[40, 45, 20, 35]) {
            0 => None,
            1 => Some("accepted"),
            2 => Some("answered"),
            _ => Some("open"),
        };
        KeySeed {
            concluded: self.rng.chance(80),
            findings,
            opinions: 1,
            suggestions: u32::from(self.rng.chance(50)),
            policy_revisions: u32::from(self.rng.chance(3)),
            rectification,
        }
    }

    fn key_mut(&mut self, project: usize) -> &mut KeySeed {
        self.plan.projects[project]
            .key
            .as_mut()
            .expect("a key-monitored project")
    }
}

/// Splits `total` in proportion to `weights`; the rounding remainder goes to the first item.
fn apportion(total: i64, weights: &[i64], unit: i64) -> Vec<i64> {
    let sum: i128 = weights.iter().map(|w| i128::from(*w)).sum();
    let units = i128::from(total / unit);
    let mut parts: Vec<i64> = weights
        .iter()
        .map(|w| i64::try_from(units * i128::from(*w) / sum).unwrap_or(0) * unit)
        .collect();
    let given: i64 = parts.iter().sum();
    parts[0] += total - given;
    parts
}

pub fn build(scale: u32) -> Plan {
    let mut b = Builder {
        rng: Rng::new(SEED),
        plan: Plan {
            regions: Vec::new(),
            departments: Vec::new(),
            projects: Vec::new(),
            adjustments: Vec::new(),
        },
    };
    let scale = scale.max(1);
    let province = b.region("370000", "Shandong", "province", None);

    // 108 provincial departments: the 24 offices, then 84 bodies attached to them.
    let mut provincial = Vec::new();
    for (i, (field, code, _, _)) in FIELDS.iter().enumerate() {
        let d = b.department(
            province,
            format!("SD-{code}"),
            format!("Shandong Provincial Department of {field}"),
            i,
        );
        provincial.push(d);
    }
    for k in 0..84 {
        let field = k % FIELDS.len();
        let kind = PROVINCIAL_KINDS[(k / FIELDS.len()) % PROVINCIAL_KINDS.len()];
        let (name, code, _, _) = FIELDS[field];
        let d = b.department(
            province,
            format!("SD-{code}-{:02}", k / FIELDS.len() + 1),
            format!("Shandong Provincial {name} {kind} {}", k / FIELDS.len() + 1),
            field,
        );
        provincial.push(d);
    }
    // Secret-related: its projects must appear in no figure.
    let classified = b.department(
        province,
        "SD-BM".to_owned(),
        "Shandong Provincial State Secrets Bureau".to_owned(),
        21,
    );
    b.plan.departments[classified].classified = true;

    let mut key_projects: Vec<usize> = Vec::new();
    // The provincial level key-monitors 9 projects, aviation emergency rescue first.
    let emergency = provincial[2];
    let aviation = b.project(emergency, true);
    b.plan.projects[aviation].name = "Aviation emergency rescue capacity building".to_owned();
    key_projects.push(aviation);
    for i in 1..PROVINCIAL_KEY_PROJECTS {
        let d = provincial[(i * 7) % FIELDS.len()];
        key_projects.push(b.project(d, true));
    }
    for &d in &provincial {
        for _ in 0..3 * scale {
            b.project(d, false);
        }
    }
    for _ in 0..3 {
        let p = b.project(classified, true);
        b.plan.projects[p].report = ReportState::Untouched;
    }

    let mut jinan_science = Vec::new();
    let mut yantai_construction = Vec::new();
    let mut rizhao_key = Vec::new();
    for (code, name, short, key_count) in CITIES {
        let city = b.region(code, name, "city", Some(province));
        let mut city_departments = Vec::new();
        for (i, (field, fcode, _, _)) in FIELDS.iter().take(15).enumerate() {
            city_departments.push(b.department(
                city,
                format!("{short}-{fcode}"),
                format!("{name} Municipal Bureau of {field}"),
                i,
            ));
        }
        let mut county_departments = Vec::new();
        for (ccode, cname) in counties(code, name) {
            let county = b.region(&ccode, &cname, "county", Some(city));
            for (i, (field, fcode, _, _)) in FIELDS.iter().take(6).enumerate() {
                county_departments.push(b.department(
                    county,
                    format!("C{ccode}-{fcode}"),
                    format!("{cname} Bureau of {field}"),
                    i,
                ));
            }
        }
        // Named cases first, then the rest over city (70%) and county (30%) departments.
        let mut remaining = key_count;
        if code == "370100" {
            for _ in 0..JINAN_SCIENCE_PROJECTS {
                let p = b.project(city_departments[0], true);
                jinan_science.push(p);
                key_projects.push(p);
            }
            remaining -= JINAN_SCIENCE_PROJECTS;
        }
        if code == "370600" {
            for _ in 0..8 {
                let p = b.project(city_departments[3], true);
                yantai_construction.push(p);
                key_projects.push(p);
            }
            remaining -= 8;
        }
        for i in 0..remaining {
            let d = if i % 10 < 7 {
                // Jinan's science and technology projects under key monitoring are the 12.
                let mut d = city_departments[1 + i % (city_departments.len() - 1)];
                if code != "370100" && i % 14 == 0 {
                    d = city_departments[0];
                }
                d
            } else {
                // Science and technology projects under key monitoring are city-level here.
                let eligible: Vec<usize> = county_departments
                    .iter()
                    .copied()
                    .filter(|d| b.plan.departments[*d].field != 0)
                    .collect();
                eligible[i % eligible.len()]
            };
            let p = b.project(d, true);
            key_projects.push(p);
            if code == "371100" {
                rizhao_key.push(p);
            }
        }
        for &d in &city_departments {
            for _ in 0..4 * scale {
                b.project(d, false);
            }
        }
        for &d in &county_departments {
            for _ in 0..2 * scale {
                b.project(d, false);
            }
        }
        if code == "370100" {
            // The demo department officer (Jinan science and technology) has reports to fill.
            for p in b.plan.projects.iter_mut() {
                if p.department == city_departments[0] && p.key.is_none() {
                    p.report = ReportState::Untouched;
                    p.late = false;
                }
            }
        }
    }

    // Budgets of the key-monitored projects add up to 41.77 bn; the named cases are larger.
    let heavy: Vec<usize> = jinan_science
        .iter()
        .chain(&yantai_construction)
        .copied()
        .chain(key_projects.iter().copied().take(PROVINCIAL_KEY_PROJECTS))
        .collect();
    let weights: Vec<i64> = key_projects
        .iter()
        .map(|p| {
            if heavy.contains(p) {
                b.rng.range(2_500, 3_500)
            } else {
                b.rng.range(400, 1_600)
            }
        })
        .collect();
    for (p, budget) in key_projects
        .iter()
        .zip(apportion(KEY_FUNDS, &weights, 1_000))
    {
        b.plan.projects[*p].budget = budget;
    }
    for p in &heavy {
        let permille = b.rng.range(150, 400);
        b.plan.projects[*p].executed_permille = permille;
    }

    // Rizhao: 49 items with 112 opinions and suggestions and 23 policy revisions.
    for (i, p) in rizhao_key.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(0);
        let n = u32::try_from(RIZHAO_KEY_PROJECTS).unwrap_or(1);
        let share = |total: u32| total / n + u32::from(i < total % n);
        let key = b.key_mut(*p);
        key.opinions = share(RIZHAO_OPINIONS);
        key.suggestions = share(RIZHAO_SUGGESTIONS);
        key.policy_revisions = share(RIZHAO_POLICY_REVISIONS);
    }

    // Adjustments: Jinan's reductions, Yantai's reallocation, and the rest over every other
    // second key-monitored project, never more than a fifth of its budget.
    let budgets = |ps: &[usize], b: &Builder| -> Vec<i64> {
        ps.iter().map(|p| b.plan.projects[*p].budget).collect()
    };
    let jinan_amounts = apportion(JINAN_REDUCED, &budgets(&jinan_science, &b), 1_000);
    for (n, (p, amount)) in jinan_science.iter().zip(jinan_amounts).enumerate() {
        b.plan.adjustments.push(AdjustmentSeed {
            project: *p,
            kind: "reduce",
            amount: Some(amount),
            destination: None,
            document: format!("Ji Cai Ji [2021] No. {}", 31 + n),
        });
    }
    let yantai_amounts = apportion(
        YANTAI_REALLOCATED,
        &budgets(&yantai_construction, &b),
        1_000,
    );
    for (n, (p, amount)) in yantai_construction.iter().zip(yantai_amounts).enumerate() {
        b.plan.adjustments.push(AdjustmentSeed {
            project: *p,
            kind: "reallocate",
            amount: Some(amount),
            destination: Some((LIVELIHOOD, LIVELIHOOD_CLASS)),
            document: format!("Yan Cai Ji [2021] No. {}", 8 + n),
        });
    }
    let others: Vec<usize> = key_projects
        .iter()
        .copied()
        // Jinan's and Yantai's figures are exactly their named cases.
        .filter(|p| !matches!(b.plan.city_of(&b.plan.projects[*p]), "370100" | "370600"))
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, p)| p)
        .collect();
    let rest = ADJUSTED_AND_RECOVERED - JINAN_REDUCED - YANTAI_REALLOCATED;
    let amounts = apportion(rest, &budgets(&others, &b), 1_000);
    for (n, (p, amount)) in others.iter().zip(amounts).enumerate() {
        let kind = match b.rng.weighted(&[50, 40, 10]) {
            0 => "reduce",
            1 => "recover",
            _ => "reallocate",
        };
        b.plan.adjustments.push(AdjustmentSeed {
            project: *p,
            kind,
            amount: Some(amount),
            destination: (kind == "reallocate").then_some((LIVELIHOOD, LIVELIHOOD_CLASS)),
            document: format!("Lu Cai Ji [2021] No. {}", 100 + n),
        });
    }
    // Decisions that move no money out: suspensions, stops and a few increases.
    let untouched: Vec<usize> = key_projects
        .iter()
        .copied()
        .filter(|p| !b.plan.adjustments.iter().any(|a| a.project == *p))
        .collect();
    for (n, p) in untouched.iter().step_by(97).take(12).enumerate() {
        let (kind, amount) = match n % 4 {
            0 | 1 => ("suspend", None),
            2 => ("stop", None),
            _ => ("increase", Some(b.rng.range(1_000, 5_000) * 1_000)),
        };
        b.plan.adjustments.push(AdjustmentSeed {
            project: *p,
            kind,
            amount,
            destination: None,
            document: format!("Lu Cai Ji [2021] No. {}", 900 + n),
        });
    }
    b.plan
}

impl Plan {
    pub fn key_projects(&self) -> impl Iterator<Item = &ProjectSeed> {
        self.projects
            .iter()
            .filter(|p| p.key.is_some() && !self.departments[p.department].classified)
    }

    /// The region a project belongs to, walked up to its city (or the province).
    pub fn city_of(&self, project: &ProjectSeed) -> &str {
        let mut r = self.departments[project.department].region;
        while self.regions[r].level == "county" {
            r = self.regions[r].parent.unwrap_or(0);
        }
        &self.regions[r].code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved_out(plan: &Plan, filter: impl Fn(&AdjustmentSeed) -> bool) -> i64 {
        plan.adjustments
            .iter()
            .filter(|a| matches!(a.kind, "reduce" | "recover" | "reallocate"))
            .filter(|a| filter(a))
            .filter_map(|a| a.amount)
            .sum()
    }

    #[test]
    fn the_published_totals_hold() {
        let plan = build(1);
        assert_eq!(plan.key_projects().count(), KEY_PROJECTS);
        assert_eq!(
            plan.key_projects().map(|p| p.budget).sum::<i64>(),
            KEY_FUNDS
        );
        assert_eq!(moved_out(&plan, |_| true), ADJUSTED_AND_RECOVERED);
        assert_eq!(
            plan.departments
                .iter()
                .filter(|d| plan.regions[d.region].level == "province" && !d.classified)
                .count(),
            108
        );
    }

    #[test]
    fn the_named_cases_hold() {
        let plan = build(1);
        let in_city = |code: &str| -> Vec<&ProjectSeed> {
            plan.key_projects()
                .filter(|p| plan.city_of(p) == code)
                .collect()
        };
        assert_eq!(in_city("370000").len(), 9);
        assert!(
            in_city("370000")
                .iter()
                .any(|p| p.name.contains("Aviation emergency rescue"))
        );
        let rizhao = in_city("371100");
        assert_eq!(rizhao.len(), 49);
        let opinions: u32 = rizhao
            .iter()
            .map(|p| p.key.as_ref().unwrap().opinions)
            .sum();
        let suggestions: u32 = rizhao
            .iter()
            .map(|p| p.key.as_ref().unwrap().suggestions)
            .sum();
        let revisions: u32 = rizhao
            .iter()
            .map(|p| p.key.as_ref().unwrap().policy_revisions)
            .sum();
        assert!(opinions + suggestions > 100);
        assert!(revisions > 20);
        let jinan_science: Vec<_> = in_city("370100")
            .into_iter()
            .filter(|p| p.function_class == "206")
            .collect();
        assert_eq!(jinan_science.len(), 12);
        let jinan_reduced = moved_out(&plan, |a| {
            a.kind == "reduce"
                && plan.city_of(&plan.projects[a.project]) == "370100"
                && plan.projects[a.project].function_class == "206"
        });
        assert_eq!(jinan_reduced, JINAN_REDUCED);
        let yantai = moved_out(&plan, |a| {
            a.kind == "reallocate" && plan.city_of(&plan.projects[a.project]) == "370600"
        });
        assert_eq!(yantai, YANTAI_REALLOCATED);
    }

    #[test]
    fn no_adjustment_goes_below_what_was_spent() {
        let plan = build(1);
        for a in &plan.adjustments {
            let p = &plan.projects[a.project];
            let executed = p.budget * p.executed_permille / 1000;
            if let Some(amount) = a.amount.filter(|_| a.kind != "increase") {
                assert!(amount > 0);
                assert!(amount <= p.budget - executed, "{} {}", p.code, amount);
            }
        }
    }

    #[test]
    fn scale_adds_ordinary_projects_only() {
        let one = build(1);
        let three = build(3);
        assert!(three.projects.len() > 2 * one.projects.len());
        assert_eq!(three.key_projects().count(), KEY_PROJECTS);
        assert_eq!(
            three.key_projects().map(|p| p.budget).sum::<i64>(),
            KEY_FUNDS
        );
    }

    #[test]
    fn the_plan_is_the_same_every_time() {
        let a = build(1);
        let b = build(1);
        assert_eq!(a.projects.len(), b.projects.len());
        assert!(
            a.projects
                .iter()
                .zip(&b.projects)
                .all(|(x, y)| { x.code == y.code && x.budget == y.budget && x.report == y.report })
        );
    }
}
