package dev.custodian.dicom.dict;

import dev.custodian.dicom.data.VR;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The data elements of PS3.6 (and PS3.7 Annex E), looked up by tag or by keyword. Immutable;
 * {@link #standard()} is loaded once, on first use, from the generated resource
 * {@code elements.tsv}.
 *
 * <p>Tag lookup, in order: the exact entry; (gggg,0000) Group Length UL for any group
 * (PS3.5 §7.2); in a private group, (gggg,0010-00FF) Private Creator LO (PS3.5 §7.8.1) and
 * nothing for other private tags; then repeating-group entries such as (60xx,3000), (50xx,0005)
 * or (1000,xxx0), the most specific pattern first.
 */
public final class ElementDictionary {
    /** Name the standard gives to (gggg,0000), PS3.5 §7.2. */
    public static final String GROUP_LENGTH = "Group Length";
    /** Name the standard gives to (gggg,0010-00FF) in a private group, PS3.5 §7.8.1. */
    public static final String PRIVATE_CREATOR = "Private Creator";

    /** Tags of the exact entries, ascending, for binary search; {@link #exactEntries} in the same order. */
    private final int[] exactTags;
    private final ElementEntry[] exactEntries;
    /** Repeating-group entries, most specific pattern first. */
    private final ElementEntry[] repeating;
    private final Map<String, ElementEntry> byKeyword;
    private final List<ElementEntry> entries;

    /** A dictionary of {@code entries}; keywords (where not empty) must be unique. */
    public ElementDictionary(Collection<ElementEntry> entries) {
        Map<Integer, ElementEntry> exactMap = new HashMap<>();
        Map<String, ElementEntry> keywordMap = new HashMap<>();
        List<ElementEntry> masked = new ArrayList<>();
        for (ElementEntry e : entries) {
            if (e.isRepeating()) {
                masked.add(e);
            } else if (exactMap.putIfAbsent(e.tag(), e) != null) {
                throw new IllegalArgumentException("duplicate tag " + Tag.toString(e.tag()));
            }
            if (!e.keyword().isEmpty() && keywordMap.putIfAbsent(e.keyword(), e) != null) {
                throw new IllegalArgumentException("duplicate keyword " + e.keyword());
            }
        }
        masked.sort(Comparator.comparingInt((ElementEntry e) -> -Integer.bitCount(e.mask()))
                .thenComparingInt(ElementEntry::tag));
        this.exactTags = exactMap.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        this.exactEntries = new ElementEntry[exactTags.length];
        for (int i = 0; i < exactTags.length; i++) {
            exactEntries[i] = exactMap.get(exactTags[i]);
        }
        this.byKeyword = Map.copyOf(keywordMap);
        this.repeating = masked.toArray(new ElementEntry[0]);
        List<ElementEntry> all = new ArrayList<>(entries);
        all.sort(Comparator.comparingInt(ElementEntry::tag).thenComparingInt(ElementEntry::mask));
        this.entries = List.copyOf(all);
    }

    /** The dictionary of the DICOM standard, loaded once from the generated resource. */
    public static ElementDictionary standard() {
        return Holder.STANDARD;
    }

    /** The entry describing {@code tag}, if the standard defines one (see the class comment). */
    public Optional<ElementEntry> lookup(int tag) {
        ElementEntry e = exact(tag);
        if (e != null) {
            return Optional.of(e);
        }
        if (Tag.isGroupLength(tag)) {
            return Optional.of(new ElementEntry(tag, 0xFFFFFFFF, "", GROUP_LENGTH, List.of(VR.UL), "1", false));
        }
        if (Tag.isPrivate(tag)) {
            return Tag.isPrivateCreator(tag)
                    ? Optional.of(new ElementEntry(tag, 0xFFFFFFFF, "", PRIVATE_CREATOR, List.of(VR.LO), "1", false))
                    : Optional.empty();
        }
        return Optional.ofNullable(repeating(tag));
    }

    /**
     * The VR to assume for {@code tag} when the stream does not say it (Implicit VR), as
     * {@link ElementEntry#vr()} chooses for multi-VR entries; UL for group lengths, LO for private
     * creators, UN for private and unknown tags (PS3.5 §6.2.2). Allocation-free.
     */
    public VR vrOf(int tag) {
        ElementEntry e = exact(tag);
        if (e != null) {
            return e.vr();
        }
        if (Tag.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tag.isPrivate(tag)) {
            return Tag.isPrivateCreator(tag) ? VR.LO : VR.UN;
        }
        e = repeating(tag);
        return e == null ? VR.UN : e.vr();
    }

    private ElementEntry exact(int tag) {
        int i = Arrays.binarySearch(exactTags, tag);
        return i >= 0 ? exactEntries[i] : null;
    }

    private ElementEntry repeating(int tag) {
        for (ElementEntry r : repeating) {
            if (r.matches(tag)) {
                return r;
            }
        }
        return null;
    }

    /** The tag named by the standard's {@code keyword}; for a repeating group, its first group's tag. */
    public OptionalInt tagOf(String keyword) {
        ElementEntry e = byKeyword.get(keyword);
        return e == null ? OptionalInt.empty() : OptionalInt.of(e.tag());
    }

    /** The entry named by the standard's {@code keyword}. */
    public Optional<ElementEntry> byKeyword(String keyword) {
        return Optional.ofNullable(byKeyword.get(keyword));
    }

    /** The standard's keyword for {@code tag}, if the tag is in the dictionary and has one. */
    public Optional<String> keywordOf(int tag) {
        return lookup(tag).map(ElementEntry::keyword).filter(k -> !k.isEmpty());
    }

    /** Every entry, exact and repeating, in tag order. */
    public List<ElementEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    static ElementDictionary load(String resource) {
        List<ElementEntry> list = new ArrayList<>();
        for (String[] c : DictionaryResource.rows(resource, 6)) {
            list.add(parse(c));
        }
        return new ElementDictionary(list);
    }

    private static ElementEntry parse(String[] c) {
        String pattern = c[0];
        if (pattern.length() != 8) {
            throw new IllegalStateException("bad tag pattern " + pattern);
        }
        int tag = 0;
        int mask = 0;
        for (int i = 0; i < 8; i++) {
            char ch = pattern.charAt(i);
            tag <<= 4;
            mask <<= 4;
            if (ch != 'x') {
                tag |= Character.digit(ch, 16);
                mask |= 0xF;
            }
        }
        List<VR> vrs = new ArrayList<>();
        if (!c[1].isEmpty()) {
            for (String v : c[1].split("/")) {
                VR vr = VR.of(v);
                if (vr == null) {
                    throw new IllegalStateException("unknown VR " + v + " for " + pattern);
                }
                vrs.add(vr);
            }
        }
        return new ElementEntry(tag, mask, c[4], c[5], vrs, c[2], "R".equals(c[3]));
    }

    /** Lazy, thread-safe initialisation of the immutable standard table (holder idiom). */
    private static final class Holder {
        static final ElementDictionary STANDARD = load("elements.tsv");
    }
}
