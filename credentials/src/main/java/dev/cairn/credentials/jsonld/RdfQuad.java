package dev.cairn.credentials.jsonld;

import com.apicatalog.rdf.nquads.NQuadsWriter;

/**
 * One RDF quad as titanium's RDF API hands it over: subject, predicate, object (an IRI, a blank node {@code _:x}
 * or a literal's lexical form), the literal's datatype, language and direction, and the graph (null: default).
 */
public record RdfQuad(String subject, String predicate, String object, String datatype, String language,
                      String direction, String graph) {

  /** The quad as one canonical N-Quads line, ending with a newline (RDFC-1.0 §4.3 step 5 serialization). */
  public String toNQuad() {
    return NQuadsWriter.nquad(subject, predicate, object, datatype, language, direction, graph);
  }

  public boolean isLiteral() {
    return datatype != null;
  }
}
