import Foundation
import TextEscaping

/// An IMS QTI 2.1 content package: `imsmanifest.xml` (IMS Content Packaging 1.1), one
/// `assessmentItem` file per question and one `assessmentTest` per bank, images in `images/`.
///
/// Each item is a `choiceInteraction` (`maxChoices="1"`, `shuffle` as the question says)
/// with its `correctResponse`; response processing scores 1 for the correct response and
/// sets `FEEDBACK` to the chosen option, which shows that option's `modalFeedback`; the
/// explanation is a `modalFeedback` shown after any answer.
public enum QTI21Package {
    static let namespace = "http://www.imsglobal.org/xsd/imsqti_v2p1"
    static let schemaLocation = "http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"

    /// The package's files, manifest first.
    public static func files(_ banks: [QuestionBank], assets: [BankAsset], packageID: String) -> [(path: String, data: [UInt8])] {
        var files: [(path: String, data: [UInt8])] = []
        var resources = ""
        for (bankIndex, bank) in banks.enumerated() {
            let bankID = "S\(bankIndex + 1)"
            var itemIDs: [String] = []
            for question in bank.questions {
                let id = "\(bankID)_Q\(question.number)"
                itemIDs.append(id)
                let html = allHTML(question)
                let used = assets.filter { html.contains("images/" + $0.name + "\"") }
                files.append(("\(id).xml", Array(item(question, identifier: id).utf8)))
                resources += "    <resource identifier=\"\(id)\" type=\"imsqti_item_xmlv2p1\" href=\"\(id).xml\">\n"
                resources += "      <file href=\"\(id).xml\"/>\n"
                for asset in used { resources += "      <file href=\"images/\(XMLText.attribute(asset.name))\"/>\n" }
                resources += "    </resource>\n"
            }
            let testID = "\(bankID)_TEST"
            files.append(("\(testID).xml", Array(test(bank, identifier: testID, itemIDs: itemIDs).utf8)))
            resources += "    <resource identifier=\"\(testID)\" type=\"imsqti_test_xmlv2p1\" href=\"\(testID).xml\">\n"
            resources += "      <file href=\"\(testID).xml\"/>\n"
            for id in itemIDs { resources += "      <dependency identifierref=\"\(id)\"/>\n" }
            resources += "    </resource>\n"
        }
        for asset in assets {
            files.append(("images/" + asset.name, asset.data))
        }
        let manifest = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            identifier="\(XMLText.attribute(packageID))" \
            xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd">
              <metadata>
                <schema>QTIv2.1 Package</schema>
                <schemaversion>1.0.0</schemaversion>
              </metadata>
              <organizations/>
              <resources>
            \(resources)  </resources>
            </manifest>

            """
        return [("imsmanifest.xml", Array(manifest.utf8))] + files
    }

    static func allHTML(_ question: BankQuestion) -> String {
        ([question.text, question.generalFeedback ?? .html("")] + question.options.flatMap { [$0.text, $0.feedback ?? .html("")] })
            .map(QTIText.html).joined()
    }

    /// One `assessmentItem`.
    static func item(_ question: BankQuestion, identifier: String) -> String {
        let single = question.isSingleAnswer
        let cardinality = single ? "single" : "multiple"
        let correct = question.options.indices.filter { question.options[$0].isCorrect }
            .map { "      <value>\(choiceID($0))</value>\n" }.joined()
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="\(namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="\(schemaLocation)" identifier="\(identifier)" title="\(XMLText.attribute(question.name))" \
            adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="\(cardinality)" baseType="identifier">
                <correctResponse>
            \(correct)    </correctResponse>

            """
        if !single {
            // Multiple answers: each option's share of the mark.
            out += "    <mapping defaultValue=\"0\" lowerBound=\"0\" upperBound=\"1\">\n"
            for (index, option) in question.options.enumerated() where option.fraction != 0 {
                out += "      <mapEntry mapKey=\"\(choiceID(index))\" mappedValue=\"\(GIFTWriter.percent(option.fraction / 100))\"/>\n"
            }
            out += "    </mapping>\n"
        }
        out += """
              </responseDeclaration>
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">
                <defaultValue>
                  <value>0</value>
                </defaultValue>
              </outcomeDeclaration>
              <outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float">
                <defaultValue>
                  <value>1</value>
                </defaultValue>
              </outcomeDeclaration>
              <outcomeDeclaration identifier="FEEDBACK" cardinality="\(cardinality)" baseType="identifier"/>
              <outcomeDeclaration identifier="EXPLANATION" cardinality="single" baseType="identifier"/>
              <itemBody>
            \(QTIText.blockHTML(question.text, indent: "    "))
                <choiceInteraction responseIdentifier="RESPONSE" shuffle="\(question.shuffle)" maxChoices="\(single ? 1 : 0)">

            """
        for (index, option) in question.options.enumerated() {
            out += "      <simpleChoice identifier=\"\(choiceID(index))\">\(QTIText.html(option.text))</simpleChoice>\n"
        }
        out += """
                </choiceInteraction>
              </itemBody>
              <responseProcessing>
                <responseCondition>
                  <responseIf>
                    <isNull>
                      <variable identifier="RESPONSE"/>
                    </isNull>
                    <setOutcomeValue identifier="SCORE">
                      <baseValue baseType="float">0</baseValue>
                    </setOutcomeValue>
                  </responseIf>
                  <responseElseIf>

            """
        if single {
            out += """
                        <match>
                          <variable identifier="RESPONSE"/>
                          <correct identifier="RESPONSE"/>
                        </match>
                        <setOutcomeValue identifier="SCORE">
                          <baseValue baseType="float">1</baseValue>
                        </setOutcomeValue>
                      </responseElseIf>
                      <responseElse>
                        <setOutcomeValue identifier="SCORE">
                          <baseValue baseType="float">0</baseValue>
                        </setOutcomeValue>
                      </responseElse>

                """
        } else {
            out += """
                        <not>
                          <isNull>
                            <variable identifier="RESPONSE"/>
                          </isNull>
                        </not>
                        <setOutcomeValue identifier="SCORE">
                          <mapResponse identifier="RESPONSE"/>
                        </setOutcomeValue>
                      </responseElseIf>

                """
        }
        out += """
                </responseCondition>
                <setOutcomeValue identifier="FEEDBACK">
                  <variable identifier="RESPONSE"/>
                </setOutcomeValue>
                <setOutcomeValue identifier="EXPLANATION">
                  <baseValue baseType="identifier">explanation</baseValue>
                </setOutcomeValue>
              </responseProcessing>

            """
        for (index, option) in question.options.enumerated() {
            guard let feedback = option.feedback, !feedback.isEmpty else { continue }
            out += "  <modalFeedback outcomeIdentifier=\"FEEDBACK\" identifier=\"\(choiceID(index))\" showHide=\"show\">"
                + QTIText.html(feedback) + "</modalFeedback>\n"
        }
        if let explanation = question.generalFeedback, !explanation.isEmpty {
            out += "  <modalFeedback outcomeIdentifier=\"EXPLANATION\" identifier=\"explanation\" showHide=\"show\">\n"
                + QTIText.blockHTML(explanation, indent: "    ") + "\n  </modalFeedback>\n"
        }
        out += "</assessmentItem>\n"
        return out
    }

    /// One `assessmentTest` holding a bank's items in order; its score is their sum.
    static func test(_ bank: QuestionBank, identifier: String, itemIDs: [String]) -> String {
        let refs = itemIDs.map { "        <assessmentItemRef identifier=\"\($0)\" href=\"\($0).xml\"/>\n" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentTest xmlns="\(namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="\(schemaLocation)" identifier="\(identifier)" title="\(XMLText.attribute(bank.category))">
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
              <testPart identifier="\(identifier)_PART" navigationMode="linear" submissionMode="individual">
                <assessmentSection identifier="\(identifier)_SECTION" title="\(XMLText.attribute(bank.category))" visible="true">
            \(refs)    </assessmentSection>
              </testPart>
              <outcomeProcessing>
                <setOutcomeValue identifier="SCORE">
                  <sum>
                    <testVariables variableIdentifier="SCORE"/>
                  </sum>
                </setOutcomeValue>
              </outcomeProcessing>
            </assessmentTest>

            """
    }

    /// `A`, `B`, … as choice identifiers.
    static func choiceID(_ index: Int) -> String { Letters.letter(index) }
}

/// Text inside QTI's XHTML content model.
enum QTIText {
    /// HTML as it goes inside a QTI element: Lectern's HTML is well-formed XHTML already;
    /// plain text and markdown are escaped.
    static func html(_ text: RichText) -> String {
        switch text {
        case .html(let html): return html
        case .markdown(let text), .plain(let text): return XMLText.content(text)
        }
    }

    /// Block content (an item body, a feedback): text not already in a block is put in a `<div>`.
    static func blockHTML(_ text: RichText, indent: String) -> String {
        let html = self.html(text)
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        let isBlock = ["<p", "<pre", "<ul", "<ol", "<blockquote", "<div", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<hr", "<table"]
            .contains { trimmed.hasPrefix($0) }
        // Not re-indented: the HTML's own line breaks matter inside <pre>.
        return indent + (isBlock ? trimmed : "<div>" + trimmed + "</div>")
    }
}
