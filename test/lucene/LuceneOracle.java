import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermRangeQuery;

/**
 * The server's reading of q, as a test oracle: Lucene's classic QueryParser (which Elasticsearch's query_string
 * extends) with the parts of Elasticsearch's subclass that change what a query means: _exists_ and field:*,
 * comparisons (field:>=5), * as an open range bound, and pure negative clauses matching everything else. Field
 * "t" is analysed text (StandardAnalyzer, as Elasticsearch's text fields); every other field is a keyword.
 *
 * Protocol, one record per line on stdin, fields separated by tabs, with \\ \t \n \r escaped:
 *   D field value [field value ...]   adds a document (a field may repeat)
 *   Q query                           answers "OK <0/1 per document>" or "ERR <message>"
 *   P query                           answers "OK <Lucene's own rendering of the query>" or "ERR <message>"
 */
public final class LuceneOracle {
  /** Elasticsearch's default field: every field of the index, each read by its own analyser. */
  static final String DEFAULT_FIELD = "*";
  /** Every field the documents hold: what `*` expands to. */
  static final Set<String> FIELDS = new LinkedHashSet<>();
  /** The one analysed text field (Elasticsearch's default for text): every other field is a keyword. */
  static final String ANALYSED_FIELD = "t";
  static final Analyzer ANALYZER =
      new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(ANALYSED_FIELD, new StandardAnalyzer()));

  interface PerField {
    Query make(String field) throws ParseException;
  }

  static final class ServerLikeParser extends QueryParser {
    /** Elasticsearch's lenient: a field that cannot take a value (a pattern it cannot compile) matches nothing. */
    final boolean lenient;

    ServerLikeParser(boolean lenient) {
      super(DEFAULT_FIELD, ANALYZER);
      this.lenient = lenient;
      setAllowLeadingWildcard(true);
      setFuzzyMinSim(AUTO);
    }

    /** A query on one field, or on every field for `*`, as Elasticsearch expands it (any of them matches). */
    Query expand(String field, PerField perField) throws ParseException {
      if (!DEFAULT_FIELD.equals(field)) return one(field, perField);
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      int count = 0;
      for (String each : FIELDS) {
        Query query = one(each, perField);
        if (query == null) continue;
        any.add(query, BooleanClause.Occur.SHOULD);
        count++;
      }
      return count == 0 ? new MatchNoDocsQuery() : any.build();
    }

    Query one(String field, PerField perField) throws ParseException {
      if (!lenient) return perField.make(field);
      try {
        return perField.make(field);
      } catch (RuntimeException e) {
        return new MatchNoDocsQuery();
      }
    }

    /**
     * Elasticsearch's fuzziness: `~` is AUTO (by length: 0, 1 or 2 edits), `~N` is N edits, at most 2. Lucene hands
     * a bare `~` over as the default similarity, set here to a value no test writes as `~N`.
     */
    static final float AUTO = 97f;

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
      int length = termStr.codePointCount(0, termStr.length());
      int edits = minSimilarity == AUTO ? (length <= 2 ? 0 : length <= 5 ? 1 : 2) : Math.min(2, (int) minSimilarity);
      return expand(field, each -> super.getFuzzyQuery(each, termStr, edits));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      return expand(field, each -> super.getPrefixQuery(each, termStr));
    }

    /** Elasticsearch does not normalise a regular expression on a text field (nor on a plain keyword). */
    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      return expand(field, each -> new RegexpQuery(new Term(each, termStr)));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      if ("_exists_".equals(field)) return exists(queryText);
      return expand(field, each -> super.getFieldQuery(each, queryText, slop));
    }

    static Query exists(String field) {
      return new TermRangeQuery(field, null, null, true, true);
    }

    static Query rangeSingle(String field, String lower, String upper, boolean includeLower, boolean includeUpper) {
      return TermRangeQuery.newStringRange(field, lower, upper, includeLower, includeUpper);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
      if ("_exists_".equals(field)) return exists(queryText);
      if (!quoted && field != null && queryText.length() > 1) {
        if (queryText.charAt(0) == '>') {
          if (queryText.length() > 2 && queryText.charAt(1) == '=') {
            return getRangeQuery(field, queryText.substring(2), null, true, true);
          }
          return getRangeQuery(field, queryText.substring(1), null, false, true);
        } else if (queryText.charAt(0) == '<') {
          if (queryText.length() > 2 && queryText.charAt(1) == '=') {
            return getRangeQuery(field, null, queryText.substring(2), true, true);
          }
          return getRangeQuery(field, null, queryText.substring(1), true, false);
        }
      }
      return expand(field, each -> super.getFieldQuery(each, queryText, quoted));
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive) {
      String lower = "*".equals(part1) ? null : part1;
      String upper = "*".equals(part2) ? null : part2;
      try {
        return expand(
            field,
            each ->
                rangeSingle(
                    each,
                    lower == null ? null : ANALYZER.normalize(each, lower).utf8ToString(),
                    upper == null ? null : ANALYZER.normalize(each, upper).utf8ToString(),
                    startInclusive,
                    endInclusive));
      } catch (ParseException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if ("*".equals(termStr) && DEFAULT_FIELD.equals(field)) return new MatchAllDocsQuery();
      if ("*".equals(termStr) && field != null) return exists(field);
      return expand(field, each -> super.getWildcardQuery(each, termStr));
    }

    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
      Query query = super.getBooleanQuery(clauses);
      if (!(query instanceof BooleanQuery)) return query;
      BooleanQuery bool = (BooleanQuery) query;
      if (bool.clauses().isEmpty()) return query;
      for (BooleanClause clause : bool.clauses()) {
        if (clause.getOccur() != BooleanClause.Occur.MUST_NOT) return query;
      }
      BooleanQuery.Builder fixed = new BooleanQuery.Builder();
      for (BooleanClause clause : bool.clauses()) fixed.add(clause);
      fixed.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
      return fixed.build();
    }
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  public static void main(String[] args) throws Exception {
    BooleanQuery.setMaxClauseCount(Integer.MAX_VALUE);
    Analyzer analyzer = ANALYZER;
    List<IndexSearcher> documents = new ArrayList<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] parts = line.split("\t", -1);
      switch (parts[0]) {
        case "D": {
          MemoryIndex index = new MemoryIndex();
          for (int i = 1; i + 1 < parts.length; i += 2) {
            index.addField(unescape(parts[i]), unescape(parts[i + 1]), analyzer);
            FIELDS.add(unescape(parts[i]));
          }
          documents.add(index.createSearcher());
          break;
        }
        case "Q":
        case "L":
        case "P": {
          String text = unescape(parts.length > 1 ? parts[1] : "");
          try {
            Query query = new ServerLikeParser(parts[0].equals("L")).parse(text);
            if (parts[0].equals("P")) {
              out.write("OK\t" + escape(query.toString()));
            } else {
              StringBuilder bits = new StringBuilder();
              for (IndexSearcher searcher : documents) bits.append(searcher.count(query) > 0 ? '1' : '0');
              out.write("OK\t" + bits);
            }
          } catch (ParseException | RuntimeException e) {
            out.write("ERR\t" + escape(String.valueOf(e.getMessage())));
          }
          out.write('\n');
          break;
        }
        default:
          throw new IllegalArgumentException("Unknown record: " + parts[0]);
      }
    }
    out.flush();
  }
}
