package dev.custodian.dicom.dict;

import dev.custodian.dicom.data.VR;
import java.util.List;
import java.util.Objects;

/**
 * One data element of the PS3.6 registry (PS3.6 §6, table 6-1; command elements PS3.7 Annex E).
 *
 * <p>{@code tag} and {@code mask} describe which tags the entry covers: a tag {@code t} matches
 * when {@code (t & mask) == tag}. Exact entries have mask {@code 0xFFFFFFFF}; repeating-group
 * entries such as (60xx,3000) Overlay Data have a zero nibble in the mask for every 'x' of the
 * standard's tag pattern and the first group's tag (x = 0) as {@code tag}.
 *
 * @param tag      the tag, with zero in every repeating ('x') position
 * @param mask     bits of a tag that must equal {@code tag}
 * @param keyword  the standard's keyword, or "" where the standard gives none
 * @param name     the standard's name (may be "" for a few retired elements)
 * @param vrs      the VRs the standard allows, in its order ("US or SS" → [US, SS]); empty for
 *                 the item and delimitation elements of group FFFE, which have no VR
 * @param vm       value multiplicity as the standard writes it ("1", "1-n", "2-2n", ...)
 * @param retired  whether the standard lists the element as retired
 */
public record ElementEntry(int tag, int mask, String keyword, String name, List<VR> vrs, String vm,
                           boolean retired) {

    public ElementEntry {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vm, "vm");
        vrs = List.copyOf(vrs);
        if ((tag & ~mask) != 0) {
            throw new IllegalArgumentException(String.format(
                    "tag %08X has bits outside mask %08X", tag, mask));
        }
        if (vm.isEmpty()) {
            throw new IllegalArgumentException("empty VM for " + Tag.toString(tag));
        }
    }

    /** True when this entry describes {@code tag} (exactly, or as a repeating group member). */
    public boolean matches(int tag) {
        return (tag & mask) == this.tag;
    }

    /** True for repeating-group entries (any 'x' in the standard's tag pattern). */
    public boolean isRepeating() {
        return mask != 0xFFFFFFFF;
    }

    /**
     * The one VR to use when the VR is not in the stream (Implicit VR, PS3.5 §7.1.3): the first
     * VR the standard lists, except that "OB or OW" gives OW, because PS3.5 §A.1 requires OW for
     * Pixel Data, Overlay Data and Waveform Data in Implicit VR Little Endian. "US or SS" therefore
     * gives US and "US or SS or OW" (LUT data) US. Elements without a VR (group FFFE items) give UN.
     */
    public VR vr() {
        if (vrs.isEmpty()) {
            return VR.UN;
        }
        if (vrs.size() == 2 && vrs.contains(VR.OB) && vrs.contains(VR.OW)) {
            return VR.OW;
        }
        return vrs.get(0);
    }

    /** The standard's tag pattern, e.g. "(0010,0010)" or "(60xx,3000)". */
    public String pattern() {
        StringBuilder sb = new StringBuilder(Tag.toString(tag));
        for (int i = 0; i < 8; i++) {
            if (((mask >>> (28 - 4 * i)) & 0xF) == 0) {
                sb.setCharAt(i < 4 ? 1 + i : 2 + i, 'x');
            }
        }
        return sb.toString();
    }
}
