# The third-party notices of one binary, as plain text: cargo-about's JSON (the crates of every
# target, each with its licence texts) narrowed to the crates that binary's SBOM lists.
#
#   jq -r --slurpfile sbom TARGET.cdx.json --arg program "sso-diag for Linux" -f dist/notices.jq about.json

($sbom[0].components | map({key: "\(.name) \(.version)", value: true}) | from_entries) as $in
| def id: "\(.name) \(.version)";
  (.crates | map(select($in[.package | id])) | sort_by(.package.name, .package.version)) as $crates
| (.licenses
   | map(.used_by |= map(select($in[.crate | id])))
   | map(select(.used_by | length > 0))) as $texts
| "Third-party software in \($program)",
  "",
  "The program contains the \($crates | length) Rust crates listed below, compiled into it, and the Rust",
  "standard library. Their licences ask that their notices travel with every copy of the program:",
  "each crate is listed with its version and licence, then come the licence texts, each with the",
  "crates it covers (generated with cargo-about from the crates' own licence files when the",
  "package was built), then the standard library's notices, as the Rust toolchain ships them.",
  "",
  "Crates",
  "------",
  "",
  ($crates[] | "\(.package | id): \(.license)"),
  "",
  "Licence texts",
  "-------------",
  ($texts[]
   | "",
     "==== \(.name) (\(.id)) ====",
     "Used by: \([.used_by[].crate | id] | join(", "))",
     "",
     .text)
