package dev.custodian.dicom.dict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The UID registry of PS3.6 Annex A, looked up by UID, by keyword or by type. Immutable;
 * {@link #standard()} is loaded once, on first use, from the generated resource {@code uids.tsv}.
 */
public final class UidDictionary {
    private final Map<String, UidEntry> byUid;
    private final Map<String, UidEntry> byKeyword;
    private final Map<String, List<UidEntry>> byType;
    private final List<UidEntry> entries;

    /** A dictionary of {@code entries}; UIDs and (non-empty) keywords must be unique. */
    public UidDictionary(Collection<UidEntry> entries) {
        Map<String, UidEntry> uids = new HashMap<>();
        Map<String, UidEntry> keywords = new HashMap<>();
        Map<String, List<UidEntry>> types = new LinkedHashMap<>();
        for (UidEntry e : entries) {
            if (uids.putIfAbsent(e.uid(), e) != null) {
                throw new IllegalArgumentException("duplicate UID " + e.uid());
            }
            if (!e.keyword().isEmpty() && keywords.putIfAbsent(e.keyword(), e) != null) {
                throw new IllegalArgumentException("duplicate UID keyword " + e.keyword());
            }
            types.computeIfAbsent(typeKey(e.type()), t -> new ArrayList<>()).add(e);
        }
        Map<String, List<UidEntry>> frozen = new HashMap<>();
        types.forEach((t, list) -> frozen.put(t, List.copyOf(list)));
        this.byUid = Map.copyOf(uids);
        this.byKeyword = Map.copyOf(keywords);
        this.byType = Map.copyOf(frozen);
        this.entries = List.copyOf(entries);
    }

    /** The registry of the DICOM standard, loaded once from the generated resource. */
    public static UidDictionary standard() {
        return Holder.STANDARD;
    }

    /** The entry for {@code uid}, if the standard registers it. */
    public Optional<UidEntry> lookup(String uid) {
        return Optional.ofNullable(byUid.get(uid));
    }

    /** The entry named by {@code keyword} (e.g. "ExplicitVRLittleEndian"). */
    public Optional<UidEntry> byKeyword(String keyword) {
        return Optional.ofNullable(byKeyword.get(keyword));
    }

    /**
     * All entries of one UID type as the standard names it, e.g. "Transfer Syntax" or
     * "SOP Class" (compared ignoring case), in registry order; empty for an unknown type.
     */
    public List<UidEntry> ofType(String type) {
        return byType.getOrDefault(typeKey(type), List.of());
    }

    /** The name of {@code uid} for display, or the UID itself when it is not registered. */
    public String nameOf(String uid) {
        UidEntry e = byUid.get(uid);
        return e == null || e.name().isEmpty() ? uid : e.name();
    }

    /** Every entry in registry order. */
    public List<UidEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    private static String typeKey(String type) {
        return type.toLowerCase(Locale.ROOT);
    }

    static UidDictionary load(String resource) {
        List<UidEntry> list = new ArrayList<>();
        for (String[] c : DictionaryResource.rows(resource, 5)) {
            list.add(new UidEntry(c[0], c[4], c[1], c[3], "R".equals(c[2])));
        }
        return new UidDictionary(list);
    }

    /** Lazy, thread-safe initialisation of the immutable standard table (holder idiom). */
    private static final class Holder {
        static final UidDictionary STANDARD = load("uids.tsv");
    }
}
