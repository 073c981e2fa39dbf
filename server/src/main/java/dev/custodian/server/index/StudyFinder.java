package dev.custodian.server.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/**
 * Runs a {@link StudyQuery} as one SQL statement on studies joined with their patients, in order
 * of creation (as {@code GET /studies}), so {@code since}/{@code limit} page through the matches.
 * Wildcards become {@code LIKE} patterns with every other character escaped; case-insensitive
 * matching compares {@code LOWER()} of both sides, the same on SQLite and PostgreSQL.
 */
public final class StudyFinder {
    private final IndexDatabase db;

    public StudyFinder(IndexDatabase db) {
        this.db = db;
    }

    /** Public IDs of the matching studies. */
    public List<String> find(StudyQuery q) {
        List<String> where = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> c : q.constraints().entrySet()) {
            String value = c.getValue();
            if (value.isEmpty() || value.equals("*")) {
                continue;
            }
            String column = StudyQuery.COLUMNS.get(c.getKey());
            if (StudyQuery.DATES.contains(c.getKey())) {
                dateCondition(column, value, where, values);
            } else {
                boolean ignoreCase = !q.caseSensitive() || StudyQuery.PERSON_NAMES.contains(c.getKey());
                where.add(ignoreCase ? "LOWER(" + column + ") LIKE LOWER(?) ESCAPE '!'" : column + " LIKE ? ESCAPE '!'");
                values.add(likePattern(value));
                if (!ignoreCase && db.dialect() == IndexDatabase.Dialect.SQLITE) {
                    // SQLite's LIKE ignores ASCII case: GLOB keeps it, with the same wildcards.
                    where.add(column + " GLOB ?");
                    values.add(globPattern(value));
                }
            }
        }
        String sql = "SELECT s.public_id FROM studies s JOIN patients p ON s.parent_id = p.id"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY s.id LIMIT ? OFFSET ?";
        long max = q.limit() == 0 ? Integer.MAX_VALUE : q.limit();
        return db.jdbi().withHandle(h -> {
            Query query = h.createQuery(sql);
            int i = 0;
            for (String v : values) {
                query.bind(i++, v);
            }
            return query.bind(i++, max).bind(i, q.since()).mapTo(String.class).list();
        });
    }

    private static void dateCondition(String column, String value, List<String> where, List<String> values) {
        int dash = value.indexOf('-');
        if (dash < 0) {
            where.add(column + " = ?");
            values.add(value);
            return;
        }
        if (dash > 0) {
            where.add(column + " >= ?");
            values.add(value.substring(0, dash));
        }
        if (dash < value.length() - 1) {
            where.add(column + " <= ?");
            values.add(value.substring(dash + 1));
        }
    }

    /**
     * PS3.4 §C.2.2.2.4 wildcards as a LIKE pattern. The escape character is {@code !}, not a
     * backslash, which Jdbi's statement parser would read as escaping the closing quote.
     */
    static String likePattern(String value) {
        StringBuilder b = new StringBuilder();
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '*' -> b.append('%');
                case '?' -> b.append('_');
                case '%', '_', '!' -> b.append('!').append(ch);
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** The same wildcards as a SQLite GLOB pattern; its own special characters in brackets. */
    static String globPattern(String value) {
        return value.replace("[", "[[]");
    }
}
