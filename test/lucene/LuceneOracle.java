import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
import org.apache.lucene.search.MatchAllDocsQuery;
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
  static final String DEFAULT_FIELD = "__default__";
  /** The one analysed text field (Elasticsearch's default for text): every other field is a keyword. */
  static final String ANALYSED_FIELD = "t";
  static final Analyzer ANALYZER =
      new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(ANALYSED_FIELD, new StandardAnalyzer()));

  static final class ServerLikeParser extends QueryParser {
    ServerLikeParser() {
      super(DEFAULT_FIELD, ANALYZER);
      setAllowLeadingWildcard(true);
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
            return rangeSingle(field, queryText.substring(2), null, true, true);
          }
          return rangeSingle(field, queryText.substring(1), null, false, true);
        } else if (queryText.charAt(0) == '<') {
          if (queryText.length() > 2 && queryText.charAt(1) == '=') {
            return rangeSingle(field, null, queryText.substring(2), true, true);
          }
          return rangeSingle(field, null, queryText.substring(1), true, false);
        }
      }
      return super.getFieldQuery(field, queryText, quoted);
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive) {
      if ("*".equals(part1)) part1 = null;
      if ("*".equals(part2)) part2 = null;
      return rangeSingle(field, part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if ("*".equals(termStr) && field != null) return exists(field);
      return super.getWildcardQuery(field, termStr);
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
          }
          documents.add(index.createSearcher());
          break;
        }
        case "Q":
        case "P": {
          String text = unescape(parts.length > 1 ? parts[1] : "");
          try {
            Query query = new ServerLikeParser().parse(text);
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
