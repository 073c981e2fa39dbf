package dev.custodian.dicom.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A data set (PS3.5 §7): data elements ordered by tag, compared as unsigned 32-bit numbers.
 *
 * <p><b>Mutability.</b> A data set is a <em>mutable</em>, ordered container and is not thread-safe;
 * its elements ({@link DataElement}) and their values are immutable. {@link #copy()} makes a deep
 * copy (items of sequences included; byte arrays are shared since they are immutable in use).
 * {@code equals}/{@code hashCode} compare the elements only.
 *
 * <p><b>Character set.</b> Text of SH, LO, ST, LT, UC, UT and PN is decoded and encoded with
 * {@link #charset()}: the data set's own Specific Character Set (0008,0005) if present, else the
 * one of the data set that contains it as a sequence item (PS3.5 §7.5: items inherit it), else the
 * default repertoire. An item learns its parent when it is added through {@link #setSequence} or
 * {@link #put}; an item placed in two sequences inherits from the last one.
 *
 * <p>Typed getters are lenient: a value that cannot be parsed as the asked type gives an empty
 * result, never an exception.
 */
public final class DataSet {
    private final TreeMap<Integer, DataElement> elements = new TreeMap<>(Integer::compareUnsigned);
    private DataSet parent;
    private SpecificCharacterSet ownCharset;

    public DataSet() {
    }

    // ---- container ----------------------------------------------------------------------------

    public Optional<DataElement> get(int tag) {
        return Optional.ofNullable(elements.get(tag));
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    /** Adds or replaces the element with the same tag; sequence items become children of this data set. */
    public DataSet put(DataElement element) {
        if (element.value() instanceof Sequence s) {
            for (DataSet item : s.items()) {
                item.parent = this;
            }
        }
        if (element.tag() == TagNumbers.SPECIFIC_CHARACTER_SET) {
            ownCharset = null;
        }
        elements.put(element.tag(), element);
        return this;
    }

    public Optional<DataElement> remove(int tag) {
        if (tag == TagNumbers.SPECIFIC_CHARACTER_SET) {
            ownCharset = null;
        }
        return Optional.ofNullable(elements.remove(tag));
    }

    /** The elements in ascending (unsigned) tag order; an unmodifiable view. */
    public Collection<DataElement> elements() {
        return Collections.unmodifiableCollection(elements.values());
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /** A deep copy: the copy and its items can be changed without affecting this data set. */
    public DataSet copy() {
        DataSet copy = new DataSet();
        copy.parent = parent;
        for (DataElement e : elements.values()) {
            if (e.value() instanceof Sequence s) {
                List<DataSet> items = new ArrayList<>(s.size());
                for (DataSet item : s.items()) {
                    items.add(item.copy());
                }
                copy.put(new DataElement(e.tag(), VR.SQ, new Sequence(items)));
            } else {
                copy.put(e);
            }
        }
        return copy;
    }

    /** The character set for this data set's text, see the class comment. */
    public SpecificCharacterSet charset() {
        DataSet ds = this;
        for (int hops = 0; ds != null && hops < 10_000; hops++) {
            DataElement cs = ds.elements.get(TagNumbers.SPECIFIC_CHARACTER_SET);
            if (cs != null && cs.value() instanceof InlineBytes b) {
                if (ds.ownCharset == null) {
                    ds.ownCharset = SpecificCharacterSet.of(TextValues.decode(b.bytes(), VR.CS, SpecificCharacterSet.DEFAULT));
                }
                return ds.ownCharset;
            }
            ds = ds.parent;
        }
        return SpecificCharacterSet.DEFAULT;
    }

    // ---- typed getters ------------------------------------------------------------------------

    /** The first value of a text element (or of a number element, formatted), trimmed per VR. */
    public Optional<String> getString(int tag) {
        List<String> all = getStrings(tag);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** All values of a text element (binary numbers are formatted); empty if absent or not text. */
    public List<String> getStrings(int tag) {
        DataElement e = elements.get(tag);
        return e == null ? List.of() : ElementValues.strings(e, this::charset);
    }

    /** The first value as an int: binary integer VRs or IS/DS text; empty if absent, unparseable or out of range. */
    public OptionalInt getInt(int tag) {
        OptionalLong v = getLong(tag);
        return v.isPresent() && v.getAsLong() == (int) v.getAsLong() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
    }

    public OptionalLong getLong(int tag) {
        long[] all = getLongs(tag);
        return all.length == 0 ? OptionalLong.empty() : OptionalLong.of(all[0]);
    }

    /** All values as longs (UV above 2^63 wraps); empty array if absent or any value unparseable. */
    public long[] getLongs(int tag) {
        DataElement e = elements.get(tag);
        return e == null ? new long[0] : ElementValues.longs(e);
    }

    public int[] getInts(int tag) {
        long[] all = getLongs(tag);
        int[] out = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = (int) all[i];
        }
        return out;
    }

    public OptionalDouble getDouble(int tag) {
        double[] all = getDoubles(tag);
        return all.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(all[0]);
    }

    /** All values as doubles: FL, FD, OF, OD, DS, IS and binary integers. */
    public double[] getDoubles(int tag) {
        DataElement e = elements.get(tag);
        return e == null ? new double[0] : ElementValues.doubles(e);
    }

    public Optional<LocalDate> getDate(int tag) {
        return getString(tag).flatMap(DateTimes::parseDate);
    }

    public Optional<LocalTime> getTime(int tag) {
        return getString(tag).flatMap(DateTimes::parseTime);
    }

    public Optional<LocalDateTime> getDateTime(int tag) {
        return getString(tag).flatMap(DateTimes::parseDateTime);
    }

    /** A copy of the in-memory value bytes (binary VRs in little endian). */
    public Optional<byte[]> getBytes(int tag) {
        DataElement e = elements.get(tag);
        return e != null && e.value() instanceof InlineBytes b ? Optional.of(b.bytes()) : Optional.empty();
    }

    public List<DataSet> getSequence(int tag) {
        DataElement e = elements.get(tag);
        return e != null && e.value() instanceof Sequence s ? s.items() : List.of();
    }

    public Optional<DataSet> getItem(int seqTag, int index) {
        List<DataSet> items = getSequence(seqTag);
        return index >= 0 && index < items.size() ? Optional.of(items.get(index)) : Optional.empty();
    }

    public Optional<Fragments> getFragments(int tag) {
        DataElement e = elements.get(tag);
        return e != null && e.value() instanceof Fragments f ? Optional.of(f) : Optional.empty();
    }

    // ---- setters ------------------------------------------------------------------------------

    /** Sets a text element; SH, LO, ST, LT, UC, UT and PN are encoded with {@link #charset()}. */
    public DataSet setString(int tag, VR vr, String... values) {
        return put(new DataElement(tag, vr, new InlineBytes(TextValues.encode(vr, charset(), values))));
    }

    /** Sets integers: binary (US, SS, UL, SL, SV, UV, AT, OB, OW, OL, OV) or text (IS, DS). */
    public DataSet setInt(int tag, VR vr, int... values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        return setLong(tag, vr, longs);
    }

    public DataSet setLong(int tag, VR vr, long... values) {
        if (vr.isText()) {
            String[] s = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                s[i] = Long.toString(values[i]);
            }
            return setString(tag, vr, s);
        }
        return put(new DataElement(tag, vr, new InlineBytes(BinaryValues.encodeLongs(vr, values))));
    }

    /** Sets floating point values: FL, FD, OF, OD, or DS as text. */
    public DataSet setDouble(int tag, VR vr, double... values) {
        if (vr == VR.DS) {
            String[] s = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                s[i] = DecimalStrings.format(values[i]);
            }
            return setString(tag, vr, s);
        }
        return put(new DataElement(tag, vr, new InlineBytes(BinaryValues.encodeDoubles(vr, values))));
    }

    /** Sets raw bytes (copied; binary VRs in little endian; padded to even length). */
    public DataSet setBytes(int tag, VR vr, byte[] value) {
        return put(new DataElement(tag, vr, new InlineBytes(TextValues.pad(value.clone(), vr))));
    }

    public DataSet setSequence(int tag, List<DataSet> items) {
        return put(new DataElement(tag, VR.SQ, new Sequence(items)));
    }

    public DataSet setFragments(int tag, VR vr, Fragments fragments) {
        return put(new DataElement(tag, vr, fragments));
    }

    public DataSet setBulkData(int tag, VR vr, BulkData bulk) {
        return put(new DataElement(tag, vr, bulk));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSet other && elements.equals(other.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        return "DataSet" + elements.values();
    }
}
