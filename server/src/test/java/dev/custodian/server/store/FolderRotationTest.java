package dev.custodian.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FolderRotationTest {
    private static final List<UUID> DRAWN = List.of(
            UUID.fromString("abcd0000-0000-4000-8000-000000000001"),
            UUID.fromString("1234ffff-0000-4000-8000-000000000002"),
            UUID.fromString("5678ffff-0000-4000-8000-000000000003"),
            UUID.fromString("9abcffff-0000-4000-8000-000000000004"),
            UUID.fromString("def0ffff-0000-4000-8000-000000000005"));

    private static List<String> draw(int filesPerFolder, int n) {
        Iterator<UUID> source = DRAWN.iterator();
        FolderRotation rotation = new FolderRotation(source::next, filesPerFolder);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FolderRotation.Lane lane = rotation.take();
            ids.add(lane.next());
            lane.release();
        }
        assertThat(rotation.idleLanes()).as("one writer at a time: one lane").isEqualTo(1);
        return ids;
    }

    @Test
    void consecutiveFilesShareTheFirstOnesFolderThenMoveToANewDrawsFolder() {
        assertThat(draw(2, 5)).containsExactly(
                "abcd0000-0000-4000-8000-000000000001",
                "abcdffff-0000-4000-8000-000000000002",
                "5678ffff-0000-4000-8000-000000000003",
                "5678ffff-0000-4000-8000-000000000004",
                "def0ffff-0000-4000-8000-000000000005");
    }

    @Test
    void everyIdentifierIsAStorageIdentifierWithTheRestOfItsDraw() {
        for (String id : draw(3, 5)) {
            assertThat(StoredFile.requireUuid(id)).isEqualTo(id);
        }
        assertThat(draw(3, 5)).extracting(id -> id.substring(4))
                .containsExactlyElementsOf(DRAWN.stream().map(u -> u.toString().substring(4)).toList());
    }

    @Test
    void oneFilePerFolderKeepsEachDrawAsItIs() {
        assertThat(draw(1, 5)).containsExactlyElementsOf(DRAWN.stream().map(UUID::toString).toList());
    }

    @Test
    void concurrentFilesTakeDifferentLanesAndAReleasedLaneGoesOnInItsFolder() {
        Iterator<UUID> source = DRAWN.iterator();
        FolderRotation rotation = new FolderRotation(source::next, 3);
        FolderRotation.Lane first = rotation.take();
        FolderRotation.Lane second = rotation.take();
        assertThat(second).isNotSameAs(first);
        assertThat(first.next()).startsWith("abcd");
        assertThat(second.next()).as("its own folder, from its own draw").startsWith("1234");
        first.release();
        FolderRotation.Lane again = rotation.take();
        assertThat(again).isSameAs(first);
        assertThat(again.next()).as("the released lane's folder, not a new one").startsWith("abcd");
        again.release();
        second.release();
        assertThat(rotation.idleLanes()).isEqualTo(2);
    }

    @Test
    void refusesLessThanOneFilePerFolder() {
        assertThatThrownBy(() -> new FolderRotation(UUID::randomUUID, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
