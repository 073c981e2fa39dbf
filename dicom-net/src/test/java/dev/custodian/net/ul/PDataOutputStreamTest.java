package dev.custodian.net.ul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PDataOutputStreamTest {

    record Fragment(int pc, boolean command, boolean last, byte[] data) {
    }

    private final List<Fragment> sent = new ArrayList<>();

    private PDataOutputStream stream(int size) {
        return new PDataOutputStream((pc, cmd, last, b, off, len) ->
                sent.add(new Fragment(pc, cmd, last, Arrays.copyOfRange(b, off, off + len))), 5, false, new byte[size]);
    }

    @Test
    void exactMultipleOfTheFragmentSizeMarksTheTrueLastFragment() throws IOException {
        PDataOutputStream out = stream(4);
        out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        out.close();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).last()).isFalse();
        assertThat(sent.get(1).last()).isTrue();
        assertThat(sent.get(1).data()).containsExactly(5, 6, 7, 8);
        assertThat(sent).allSatisfy(f -> assertThat(f.pc()).isEqualTo(5));
    }

    @Test
    void singleBytesAndArraysMixAndEmptyMessageSendsOneEmptyLastFragment() throws IOException {
        PDataOutputStream out = stream(3);
        out.write(1);
        out.write(new byte[] {2, 3, 4, 5}, 1, 3);
        out.write(6);
        out.close();
        assertThat(sent).extracting(f -> f.data().length).containsExactly(3, 2);
        assertThat(sent.get(0).data()).containsExactly(1, 3, 4);
        sent.clear();
        PDataOutputStream empty = stream(3);
        empty.close();
        empty.close();
        assertThat(sent).singleElement().satisfies(f -> {
            assertThat(f.last()).isTrue();
            assertThat(f.data()).isEmpty();
        });
        assertThatThrownBy(() -> empty.write(1)).isInstanceOf(IOException.class);
    }
}
