//! `migrate_owned` (the CLI's: the inputs' texts are given away and become the documents' and
//! the report's without a copy) returns the report `migrate` returns for the same inputs, in
//! every way a text reaches its document: detected and kept, detected as one kind and read as
//! another (the parsed document's text handed back), a kind chosen by the admin, binary data.

use koji_migrate::{migrate, migrate_owned, FileKind, Input, Options, Release};

fn inputs() -> Vec<Input> {
    let mut inputs = Vec::new();
    for name in [
        "hub.conf",
        "koji.conf",
        "kojid.conf",
        "kojihub.conf",
        "kojiweb.conf",
    ] {
        let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        inputs.push(Input::new(name, text.clone()));
        // The same text read as a kind chosen by the admin (another than detected, too).
        let mut chosen = Input::new(format!("chosen-{name}"), text);
        chosen.kind = Some(if name.starts_with("koji") {
            FileKind::HubConf
        } else {
            FileKind::WebHttpd
        });
        inputs.push(chosen);
    }
    // Parsed as httpd (no [section]), taken as hub.conf from its name: no directives either.
    inputs.push(Input::new("hub.conf", "# only a comment\n\n"));
    // Parsed as ini, and not a Koji file: kept as opaque lines.
    inputs.push(Input::new(
        "other.ini",
        "[unrelated]\nkey = value\r\nlone\rcr\n",
    ));
    inputs.push(Input::from_bytes("blob.bin", b"a\0b\nc\xff\n"));
    inputs.push(Input::new("empty", ""));
    inputs
}

#[test]
fn owned_inputs_migrate_like_borrowed_ones() {
    let inputs = inputs();
    for to in [Release::V1_7, Options::default().to] {
        let options = Options {
            to,
            ..Options::default()
        };
        let borrowed = migrate(&inputs, &options);
        let owned = migrate_owned(inputs.clone(), &options);
        assert_eq!(owned, borrowed, "to {to}");
        for (file, input) in owned.files.iter().zip(&inputs) {
            assert_eq!(file.original.as_deref(), Some(input.text.as_str()));
        }
    }
}
