//! The dataset file as it is written: serde types that mirror `public/data/dataset.json`.
//!
//! These types only say what shape the file has. Whether its figures make sense together
//! (sources exist, URNs resolve, values are in range) is checked by [`crate::dataset`], which
//! turns a [`RawDataset`] into a validated [`crate::dataset::Dataset`].

use serde::{Deserialize, Serialize};

/// The schema version this build of the app reads.
pub const SCHEMA_VERSION: u32 = 2;

/// A school's Unique Reference Number, as DfE and Ofsted publish it.
pub type Urn = u32;

/// The whole dataset file.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    /// Version of this format; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Title shown at the top of the page.
    pub title: String,
    /// Every document a figure may cite.
    pub sources: Vec<Source>,
    /// Programme-level facts.
    pub programme: Programme,
    /// Areas that have area-level figures (England, Stoke-on-Trent, ...).
    pub areas: Vec<Area>,
    /// KS2 progress of whole areas.
    pub area_progress: Vec<AreaProgress>,
    /// Published statements that carry no number and must not be turned into one.
    #[serde(default)]
    pub statements: Vec<Statement>,
    /// Free-school-meal eligibility of areas.
    pub fsm: Vec<FsmShare>,
    /// Ofsted judgement counts of groups of schools published as a whole.
    pub ofsted_distributions: Vec<OfstedDistribution>,
    /// The home area among its comparators: region, statistical neighbours and England.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<AreaContext>,
    /// Yearly series of area figures (DfE LAIT): progress, attainment and FSM over time.
    #[serde(default, deserialize_with = "tight")]
    pub area_series: Vec<AreaSeries>,
    /// Cohorts (networks) whose members are published.
    pub cohorts: Vec<Cohort>,
    /// Schools named by the programme.
    #[serde(deserialize_with = "tight")]
    pub schools: Vec<School>,
    /// Other schools of the home area, not known to be in the programme: the pool that
    /// like-for-like comparison groups are chosen from.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "tight"
    )]
    pub area_schools: Vec<School>,
}

/// A document that figures cite.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short stable id that figures refer to.
    pub id: String,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// When it was published, in words when the source gives no date.
    pub date: String,
    /// A one-line citation shown under charts.
    pub citation: String,
    /// Where it can be found, when there is an address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Source {
    /// When it was published, for people: ISO dates in words.
    pub fn when(&self) -> String {
        crate::format::dates_in_words(&self.date)
    }

    /// When it was published, unless the title already says it ("… as at 31 July 2018"), so
    /// no date is written twice.
    pub fn when_not_in_title(&self) -> Option<String> {
        let when = self.when();
        let head = when.split(" (").next().unwrap_or(&when);
        (!head.is_empty() && !self.title.contains(head)).then_some(when)
    }

    /// "Publisher, when. " for a list of sources, after the title.
    pub fn publisher_and_when(&self) -> String {
        match self.when_not_in_title() {
            Some(when) => format!("{}, {when}. ", self.publisher),
            None => format!("{}. ", self.publisher),
        }
    }

    /// "Publisher, Title": the source named, for a tooltip or a fact.
    pub fn named(&self) -> String {
        format!("{}, {}", self.publisher, self.title)
    }

    /// "Publisher, Title, when" for a source line.
    pub fn cited(&self) -> String {
        match self.when_not_in_title() {
            Some(when) => format!("{}, {when}", self.named()),
            None => self.named(),
        }
    }
}

/// A whole number with the source it came from.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedCount {
    /// The number.
    pub value: u32,
    /// Id of the source.
    pub source: String,
}

/// Programme-level facts.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Name of the programme.
    pub name: String,
    /// How many cohorts the programme has.
    pub cohorts_total: SourcedCount,
    /// How many schools the programme has.
    pub schools_total: SourcedCount,
    /// How many cohorts started in which year.
    pub start_waves: Vec<StartWave>,
    /// What is and is not published about membership.
    pub membership_note: String,
    /// What the dataset's `cohorts` are, one of them in a word ("network" where published
    /// documents name networks rather than the programme's own cohorts); "cohort" where
    /// absent. The menu is named by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort_word: Option<String>,
}

/// Cohorts that started in one year.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartWave {
    /// Year the cohorts started.
    pub year: u16,
    /// How many cohorts started that year.
    pub cohorts: u32,
    /// Id of the source.
    pub source: String,
}

/// An area with area-level figures.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable id, e.g. `stoke-on-trent`.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// The KS2 subjects with a progress measure.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// Reading.
    Reading,
    /// Writing (teacher assessment).
    Writing,
    /// Mathematics.
    Maths,
}

impl Subject {
    /// All subjects in the order DfE publishes them.
    pub const ALL: [Subject; 3] = [Subject::Reading, Subject::Writing, Subject::Maths];

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Subject::Reading => "Reading",
            Subject::Writing => "Writing",
            Subject::Maths => "Maths",
        }
    }
}

/// Which pupils a figure is about.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PupilGroup {
    /// All pupils.
    #[default]
    All,
    /// Disadvantaged pupils (eligible for free school meals in the last six years, or looked after).
    Disadvantaged,
    /// Pupils who are not disadvantaged.
    NonDisadvantaged,
}

impl PupilGroup {
    /// Every group, in the order the selector lists them.
    pub const ALL: [PupilGroup; 3] = [
        PupilGroup::All,
        PupilGroup::Disadvantaged,
        PupilGroup::NonDisadvantaged,
    ];

    /// How the pupils menu names it.
    pub fn menu_label(self) -> &'static str {
        match self {
            PupilGroup::All => "All pupils",
            PupilGroup::Disadvantaged => "Disadvantaged pupils",
            PupilGroup::NonDisadvantaged => "Non-disadvantaged pupils",
        }
    }

    /// Id used in links.
    pub fn id(self) -> &'static str {
        match self {
            PupilGroup::All => "all",
            PupilGroup::Disadvantaged => "disadvantaged",
            PupilGroup::NonDisadvantaged => "non-disadvantaged",
        }
    }

    /// Display name: "all pupils", "disadvantaged pupils".
    pub fn label(self) -> &'static str {
        match self {
            PupilGroup::All => "all pupils",
            PupilGroup::Disadvantaged => "disadvantaged pupils",
            PupilGroup::NonDisadvantaged => "non-disadvantaged pupils",
        }
    }
}

/// An area's comparators: which area the programme is in, its region, its statistical
/// neighbours and the country, as the area charts draw them.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaContext {
    /// Id of the programme's own area (an [`Area`]).
    pub home: String,
    /// Id of its region, where figures exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Id of the country (England).
    pub country: String,
    /// Ids of its statistical neighbours, closest first.
    #[serde(default)]
    pub neighbours: Vec<String>,
    /// Id of the source that names the neighbours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighbours_source: Option<String>,
    /// Which grouping the neighbours are, said wherever they are shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighbours_note: Option<String>,
}

/// What an area series measures.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaMeasure {
    /// KS2 reading progress score.
    ReadingProgress,
    /// KS2 writing progress score.
    WritingProgress,
    /// KS2 maths progress score.
    MathsProgress,
    /// % of pupils meeting the expected standard in reading, writing and maths.
    ExpectedStandardRwm,
    /// % of primary pupils eligible for free school meals (January census).
    PrimaryFsm,
}

impl AreaMeasure {
    /// The progress measure of a subject.
    pub fn progress(subject: Subject) -> Self {
        match subject {
            Subject::Reading => AreaMeasure::ReadingProgress,
            Subject::Writing => AreaMeasure::WritingProgress,
            Subject::Maths => AreaMeasure::MathsProgress,
        }
    }

    /// Whether values are percentages (0–100) rather than progress scores.
    pub fn is_percent(self) -> bool {
        matches!(
            self,
            AreaMeasure::ExpectedStandardRwm | AreaMeasure::PrimaryFsm
        )
    }

    /// What it measures, in words: "reading progress".
    pub fn label(self) -> &'static str {
        match self {
            AreaMeasure::ReadingProgress => "reading progress",
            AreaMeasure::WritingProgress => "writing progress",
            AreaMeasure::MathsProgress => "maths progress",
            AreaMeasure::ExpectedStandardRwm => {
                "meeting the expected standard in reading, writing and maths"
            }
            AreaMeasure::PrimaryFsm => "primary pupils eligible for free school meals",
        }
    }
}

/// One area's figures for one measure and pupil group, year by year.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaSeries {
    /// Id of an [`Area`].
    pub area: String,
    /// What is measured.
    pub measure: AreaMeasure,
    /// Which pupils.
    pub pupils: PupilGroup,
    /// Id of the source of its figures (a point may name another).
    pub source: String,
    /// One point per year the source covers, oldest first; a year with no figure says so.
    #[serde(deserialize_with = "tight")]
    pub points: Vec<AreaPoint>,
}

/// One year of an area series.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaPoint {
    /// Year: the end of the academic year (2019 = 2018/19) or the January census.
    pub year: u16,
    /// The figure; `null` where none is published.
    pub value: Option<f64>,
    /// Decimal places the source publishes this year's figures with (0–4).
    #[serde(default)]
    pub decimals: u8,
    /// Id of the source when it is not the series' own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A caveat shown with the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// KS2 progress of a whole area in one subject and year.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaProgress {
    /// Id of an [`Area`].
    pub area: String,
    /// Year of the KS2 assessments (summer term).
    pub year: u16,
    /// Which pupils.
    pub pupils: PupilGroup,
    /// Which subject.
    pub subject: Subject,
    /// The progress score.
    pub value: f64,
    /// Lower confidence limit, where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower: Option<f64>,
    /// Upper confidence limit, where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// The source's own words, where it gave words rather than a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Id of the source.
    pub source: String,
    /// A caveat shown with the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A published statement with no figure in it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Which chart it belongs to: `ks2-progress`, `disadvantaged`, `ofsted` or `attribution`.
    pub topic: String,
    /// The statement in the dashboard's words.
    pub text: String,
    /// The source's own words.
    pub quote: String,
    /// Id of the source.
    pub source: String,
    /// The year the statement is about, as its source gives it; absent where it gives none
    /// (the page then says so rather than write it in the present tense).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// What it claims, in terms the page can set beside published figures and test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Claim>,
}

/// A statement's claim, as published figures can test it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Claim {
    /// An area's pupils did better than others' in the statement's year: each measure of
    /// the area against each comparator.
    Above {
        /// The area it is about (an [`Area`] id).
        area: String,
        /// Which pupils.
        pupils: PupilGroup,
        /// The measures it bears on, each tested.
        measures: Vec<AreaMeasure>,
        /// The comparators: area ids, or `neighbours` for the statistical neighbours' median.
        than: Vec<String>,
    },
    /// Of the schools whose latest inspection gave one judgement, how leadership and
    /// management was judged: tested against the named schools' inspections.
    Leadership {
        /// The overall judgement the statement is about.
        judgement: Judgement,
        /// Inspections from this date (`YYYY-MM-DD`) on.
        since: String,
        /// The leadership and management judgement it reports.
        leadership: Judgement,
        /// How many schools it says had that leadership judgement…
        count: u32,
        /// …of how many with the overall judgement.
        of: u32,
    },
}

/// Share of pupils eligible for free school meals in an area.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FsmShare {
    /// Id of an [`Area`].
    pub area: String,
    /// Percentage of pupils, 0 to 100.
    pub percent: f64,
    /// Year of the figure; `None` where the source gives none.
    pub year: Option<u16>,
    /// Id of the source.
    pub source: String,
    /// A caveat shown with the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An Ofsted overall-effectiveness judgement.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Judgement {
    /// Grade 1.
    Outstanding,
    /// Grade 2.
    Good,
    /// Grade 3.
    RequiresImprovement,
    /// Grade 4.
    Inadequate,
    /// Inspected without a single overall grade (state schools from September 2024).
    NotGraded,
}

impl Judgement {
    /// All judgements, best first: the order of the stacked bars.
    pub const ALL: [Judgement; 5] = [
        Judgement::Outstanding,
        Judgement::Good,
        Judgement::RequiresImprovement,
        Judgement::Inadequate,
        Judgement::NotGraded,
    ];

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Judgement::Outstanding => "Outstanding",
            Judgement::Good => "Good",
            Judgement::RequiresImprovement => "Requires improvement",
            Judgement::Inadequate => "Inadequate",
            Judgement::NotGraded => "Not graded",
        }
    }

    /// A short label that fits inside a narrow bar segment.
    pub fn short_label(self) -> &'static str {
        match self {
            Judgement::Outstanding => "Out",
            Judgement::Good => "Good",
            Judgement::RequiresImprovement => "RI",
            Judgement::Inadequate => "Inad",
            Judgement::NotGraded => "NG",
        }
    }
}

/// Counts of schools per judgement.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgementCounts {
    /// Outstanding schools.
    pub outstanding: u32,
    /// Good schools.
    pub good: u32,
    /// Schools that require improvement.
    pub requires_improvement: u32,
    /// Inadequate schools.
    pub inadequate: u32,
    /// Schools inspected without a single grade.
    #[serde(default)]
    pub not_graded: u32,
}

impl JudgementCounts {
    /// The count of one judgement.
    pub fn get(&self, judgement: Judgement) -> u32 {
        match judgement {
            Judgement::Outstanding => self.outstanding,
            Judgement::Good => self.good,
            Judgement::RequiresImprovement => self.requires_improvement,
            Judgement::Inadequate => self.inadequate,
            Judgement::NotGraded => self.not_graded,
        }
    }

    /// Adds one school with this judgement.
    pub fn add(&mut self, judgement: Judgement) {
        let slot = match judgement {
            Judgement::Outstanding => &mut self.outstanding,
            Judgement::Good => &mut self.good,
            Judgement::RequiresImprovement => &mut self.requires_improvement,
            Judgement::Inadequate => &mut self.inadequate,
            Judgement::NotGraded => &mut self.not_graded,
        };
        *slot = slot.saturating_add(1);
    }

    /// Number of schools counted.
    pub fn total(&self) -> u32 {
        Judgement::ALL
            .iter()
            .fold(0u32, |sum, j| sum.saturating_add(self.get(*j)))
    }
}

/// Percentages as the source printed them, kept beside counts derived from them.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedPercentages {
    /// Outstanding, per cent.
    pub outstanding: f64,
    /// Good, per cent.
    pub good: f64,
    /// Requires improvement, per cent.
    pub requires_improvement: f64,
}

/// What a distribution counts.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counted {
    /// Schools, each at its latest judgement.
    #[default]
    Schools,
    /// School places, each at the judgement of its school.
    Places,
}

impl Counted {
    /// The plural noun: "schools", "places".
    pub fn noun(self) -> &'static str {
        match self {
            Counted::Schools => "schools",
            Counted::Places => "places",
        }
    }

    /// How "Good or Outstanding" is said of them.
    pub fn judged(self) -> &'static str {
        match self {
            Counted::Schools => "were judged Good or Outstanding",
            Counted::Places => "were in schools judged Good or Outstanding",
        }
    }

    fn is_schools(&self) -> bool {
        *self == Counted::Schools
    }
}

/// Judgement counts of a group of schools (or their places) published as a whole.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfstedDistribution {
    /// What is counted: schools (the default) or school places.
    #[serde(default, skip_serializing_if = "Counted::is_schools")]
    pub counted: Counted,
    /// Stable id.
    pub id: String,
    /// What the group is.
    pub label: String,
    /// The counts.
    pub counts: JudgementCounts,
    /// The percentages the source printed, where counts were derived from them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_percentages: Option<PublishedPercentages>,
    /// Id of the source.
    pub source: String,
    /// A caveat shown with the figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A cohort (network) of programme schools.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cohort {
    /// Stable id used in URLs.
    pub id: String,
    /// Display name.
    pub name: String,
    /// URNs of its published member schools.
    #[serde(deserialize_with = "tight")]
    pub schools: Vec<Urn>,
    /// Id of the source that names the members.
    pub source: String,
    /// What is and is not known of its membership.
    pub membership: String,
}

/// What kind of school it is, as far as KS2 results go.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolKind {
    /// Primary school (ages 4 to 11).
    Primary,
    /// Junior school (ages 7 to 11).
    Junior,
    /// Infant school (ages 4 to 7): no KS2 results.
    Infant,
    /// Special school.
    Special,
}

/// A progress score with its confidence interval where published.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// The score.
    pub value: f64,
    /// Lower 95% confidence limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower: Option<f64>,
    /// Upper 95% confidence limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// DfE's progress band, where published: 1 well above average, 2 above, 3 average, 4
    /// below, 5 well below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<u8>,
}

impl Score {
    /// A score with no interval or band.
    pub fn of(value: f64) -> Self {
        Score {
            value,
            lower: None,
            upper: None,
            band: None,
        }
    }
}

/// DfE's words for a progress band (1 well above average … 5 well below).
pub fn band_label(band: u8) -> &'static str {
    match band {
        1 => "well above average",
        2 => "above average",
        3 => "average",
        4 => "below average",
        _ => "well below average",
    }
}

/// A school's KS2 progress in one year. `None` means not published (suppressed, not
/// eligible, or too few pupils): never zero.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ks2Result {
    /// Year of the assessments.
    pub year: u16,
    /// Reading progress.
    pub reading: Option<Score>,
    /// Writing progress.
    pub writing: Option<Score>,
    /// Maths progress.
    pub maths: Option<Score>,
    /// The school these figures were published for, when it is not this one (a predecessor
    /// before an academy conversion): its URN and name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_as: Option<PublishedAs>,
    /// Pupils eligible for the KS2 assessments (DfE `TELIG`), where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pupils: Option<u32>,
    /// Share of the school's KS2 pupils who are disadvantaged, per cent (DfE `PTFSM6CLA1A`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disadvantaged_percent: Option<f64>,
    // Boxed: most rows have none, and unboxed it took 150 bytes of every row.
    /// Progress of the school's disadvantaged pupils (DfE `*PROG_FSM6CLA1A`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disadvantaged: Option<Box<SubjectScores>>,
    /// Id of the source.
    pub source: String,
}

/// The school a figure was published under.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedAs {
    /// Its URN.
    pub urn: Urn,
    /// Its name.
    pub name: String,
}

/// Scores in the three subjects; `None` is not published.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectScores {
    /// Reading.
    pub reading: Option<Score>,
    /// Writing.
    pub writing: Option<Score>,
    /// Maths.
    pub maths: Option<Score>,
}

impl SubjectScores {
    /// The score of one subject.
    pub fn score(&self, subject: Subject) -> Option<Score> {
        match subject {
            Subject::Reading => self.reading,
            Subject::Writing => self.writing,
            Subject::Maths => self.maths,
        }
    }
}

impl Ks2Result {
    /// The score of one subject, if published.
    pub fn score(&self, subject: Subject) -> Option<Score> {
        match subject {
            Subject::Reading => self.reading,
            Subject::Writing => self.writing,
            Subject::Maths => self.maths,
        }
    }
}

/// One Ofsted inspection.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    /// Date of the inspection, `YYYY-MM-DD`.
    pub date: String,
    /// Overall effectiveness.
    pub judgement: Judgement,
    /// Effectiveness of leadership and management, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leadership_and_management: Option<Judgement>,
    /// Id of the source.
    pub source: String,
    /// `true` when the judgement is the predecessor school's, carried over to this URN;
    /// `false` when it is known to be this school's own; absent when the files could not
    /// tell (no links file or opening date): never guessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<bool>,
    /// The school inspected, when it is not this one (a predecessor): its URN and name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_as: Option<PublishedAs>,
    /// The judgement's name at the time, where it differs from today's ("Satisfactory",
    /// grade 3 before September 2012).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub named: Option<String>,
    /// A caveat shown with the judgement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A school named by the programme.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct School {
    /// Unique Reference Number.
    pub urn: Urn,
    /// Name.
    pub name: String,
    /// Kind of school.
    pub kind: SchoolKind,
    /// KS2 results by year.
    #[serde(deserialize_with = "tight")]
    pub ks2: Vec<Ks2Result>,
    /// Why there are no KS2 results, where there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_ks2_reason: Option<String>,
    /// Inspections, any order.
    #[serde(deserialize_with = "tight")]
    pub ofsted: Vec<Inspection>,
    /// Ofsted's words about the school, as a published document quotes them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub report_extracts: Vec<ReportExtract>,
    /// DfE's type of establishment ("Academy - Converter mainstream"), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_type: Option<SchoolType>,
    /// Pupils on roll and free-school-meal shares, each with its year and source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<SchoolFact>,
}

/// A school's type as a DfE file gives it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolType {
    /// The type, as written.
    pub name: String,
    /// Id of the source.
    pub source: String,
}

/// What a school fact measures.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactMeasure {
    /// Pupils on roll (census, DfE `NOR`).
    PupilsOnRoll,
    /// % of pupils eligible for free school meals at any time in the last six years (DfE
    /// `PNUMFSMEVER`).
    FsmEverSixPercent,
    /// % of pupils known to be eligible for free school meals.
    FsmPercent,
}

impl FactMeasure {
    /// What it is, in words.
    pub fn label(self) -> &'static str {
        match self {
            FactMeasure::PupilsOnRoll => "Pupils on roll",
            FactMeasure::FsmEverSixPercent => {
                "Eligible for free school meals in the last six years"
            }
            FactMeasure::FsmPercent => "Eligible for free school meals",
        }
    }

    /// Whether the value is a percentage.
    pub fn is_percent(self) -> bool {
        !matches!(self, FactMeasure::PupilsOnRoll)
    }
}

/// One fact about a school, from a census.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolFact {
    /// What it measures.
    pub measure: FactMeasure,
    /// The value (a count, or a percentage).
    pub value: f64,
    /// The census year (January).
    pub year: u16,
    /// True when the file does not state the year and it was inferred.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub year_inferred: bool,
    /// The school the figure was published for, when it is not this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_as: Option<PublishedAs>,
    /// Id of the source.
    pub source: String,
}

impl School {
    /// A fact, where known.
    pub fn fact(&self, measure: FactMeasure) -> Option<&SchoolFact> {
        self.facts.iter().find(|f| f.measure == measure)
    }
}

/// Words from an Ofsted report, as a source quotes them.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportExtract {
    /// The inspection, as the source names it ("March 2017 inspection").
    pub inspection: String,
    /// The words quoted.
    pub quote: String,
    /// Id of the source that quotes them.
    pub source: String,
}

/// Reads a list and gives back the room that growing it left unused. Without this a school's
/// one KS2 result keeps room for four (serde grows a list of unknown length as `Vec::push`
/// does): 1.3 KB a school, 21 MB of the 26 MB that all of England's schools took in memory.
fn tight<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut list = Vec::<T>::deserialize(deserializer)?;
    list.shrink_to_fit();
    Ok(list)
}
