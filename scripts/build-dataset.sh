#!/usr/bin/env bash
# Rebuilds public/data/dataset.json from the programme's own figures (data/programme-base.json)
# and DfE's and Ofsted's files in ../shared/data. docs/dataset.md says what each file gives;
# tests/shared_data.rs runs the same import and fails if the bundled file differs.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${SHARED_DATA:-../shared/data}
if [ ! -d "$D" ]; then
  echo "build-dataset: $D is absent: the bundled dataset cannot be rebuilt here" >&2
  exit 1
fi
cargo run --release --quiet --bin cohort-import -- \
  --base data/programme-base.json \
  --lait "$D/lait_ks2_fsm_by_area_2016-2025.csv" \
  --lait-measures "$D/lait_measures_ks2_fsm.csv" \
  --neighbours "$D/statistical_neighbours_2021.csv" \
  --scorecards "$D/school_places_scorecards_2023-2025.csv" \
  --home-la 861 \
  --ks2 "$D/stoke_ks2_schools_2016.csv" \
  --ks2 "$D/stoke_ks2_schools_2017.csv" \
  --ks2 "$D/stoke_ks2_schools_2018.csv" \
  --ks2 "$D/england_ks2_2019_schools.csv" \
  --links "$D/stoke_school_links_2025-04-22.csv" \
  --spine "$D/stoke_school_spine_2017-18.csv" \
  --census "$D/stoke_school_census_2019.csv" \
  --fsm "$D/stoke_school_fsm_2023.csv" \
  --inspections "$D/stoke_ofsted_graded_inspections_to_2020.csv" \
  --ofsted "$D/ofsted_latest_inspections_2018-07-31.csv" \
  --compact --out public/data/dataset.json "$@"
