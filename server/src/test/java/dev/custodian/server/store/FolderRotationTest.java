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
            ids.add(rotation.next());
        }
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
    void refusesLessThanOneFilePerFolder() {
        assertThatThrownBy(() -> new FolderRotation(UUID::randomUUID, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
