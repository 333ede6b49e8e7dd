//! The design library's model (view::library): names, copies, removal, revisions and noticing a
//! save made by another tab.

use genoforge::view::library::{DesignLibrary, LibraryError, SyncState, check};

const T0: &str = "2026-11-30T10:00:00.000Z";
const T1: &str = "2026-11-30T11:00:00.000Z";
const T2: &str = "2026-11-30T12:00:00.000Z";

#[test]
fn entries_are_named_uniquely_renamed_duplicated_and_removed() {
    let mut lib = DesignLibrary::default();
    let a = lib.add("tfc3 screen", T0, 1);
    let b = lib.add("tfc3 screen", T1, 0);
    assert_ne!(a, b);
    assert_eq!(lib.get(&b).unwrap().name, "tfc3 screen 2");
    // Renaming: trimmed; empty and taken names are refused and change nothing.
    assert_eq!(lib.rename(&a, "  ", ""), Err(LibraryError::EmptyName));
    assert_eq!(
        lib.rename(&a, "tfc3 screen 2", ""),
        Err(LibraryError::NameTaken("tfc3 screen 2".into()))
    );
    lib.rename(&a, " kanMX4 swaps ", "first try").unwrap();
    let e = lib.get(&a).unwrap();
    assert_eq!(
        (e.name.as_str(), e.description.as_str()),
        ("kanMX4 swaps", "first try")
    );
    // A copy keeps the description, gets a name of its own and a new id.
    let c = lib.duplicate(&a, T2).unwrap();
    let copy = lib.get(&c).unwrap();
    assert_eq!(copy.name, "kanMX4 swaps copy");
    assert_eq!(copy.description, "first try");
    assert_eq!((copy.created.as_str(), copy.edits), (T2, 1));
    assert_eq!(lib.most_recent().unwrap().id, c);
    // Removing: gone, and its id is never handed out again.
    let gone = lib.remove(&a).unwrap();
    assert_eq!(gone.name, "kanMX4 swaps");
    assert_eq!(lib.remove(&a), Err(LibraryError::Unknown(a.clone())));
    let d = lib.add("another", T2, 0);
    assert!(
        ![a.as_str(), b.as_str(), c.as_str()].contains(&d.as_str()),
        "{d}"
    );
    // Stored and read back as it was.
    let back = DesignLibrary::parse(&lib.to_json()).unwrap();
    assert_eq!(back, lib);
    assert!(matches!(
        DesignLibrary::parse("not json"),
        Err(LibraryError::Unreadable(_))
    ));
}

#[test]
fn a_save_by_another_tab_is_noticed_by_its_revision() {
    let mut stored = DesignLibrary::default();
    let id = stored.add("design", T0, 0);
    // Two tabs read revision 0; the first saves.
    let first = stored.saved(&id, T1, 2).unwrap();
    assert_eq!(first, 1);
    assert_eq!(check(&stored, &id, first), SyncState::InStep);
    // The second tab still knows revision 0: it must not save over the first's.
    match check(&stored, &id, 0) {
        SyncState::ChangedElsewhere(e) => assert_eq!((e.edits, e.revision), (2, 1)),
        other => panic!("{other:?}"),
    }
    // Deleted meanwhile.
    stored.remove(&id).unwrap();
    assert_eq!(check(&stored, &id, first), SyncState::DeletedElsewhere);
}
