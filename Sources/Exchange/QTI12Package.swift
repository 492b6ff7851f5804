import Foundation
import Markdown
import TextEscaping

/// An IMS QTI 1.2 package as Canvas (Classic Quizzes) and IMS Common Cartridge read it: a
/// manifest, and per bank a folder holding the `questestinterop` assessment and Canvas's
/// `assessment_meta.xml`; images in `web_resources/`.
///
/// Each question is a Canvas `multiple_choice_question` item: a `response_lid` with one
/// `response_label` per option (`render_choice` shuffled), `resprocessing` setting SCORE to
/// 100 for the correct label, per-option and general `itemfeedback` (the explanation).
public enum QTI12Package {
    public static func files(_ banks: [QuestionBank], assets: [BankAsset], packageID: String) -> [(path: String, data: [UInt8])] {
        var files: [(path: String, data: [UInt8])] = []
        var resources = ""
        for (bankIndex, bank) in banks.enumerated() {
            let id = "\(packageID)_S\(bankIndex + 1)"
            let metaID = id + "_META"
            files.append(("\(id)/\(id).xml", Array(assessment(bank, identifier: id).utf8)))
            files.append(("\(id)/assessment_meta.xml", Array(meta(bank, identifier: id).utf8)))
            resources += """
                    <resource identifier="\(id)" type="imsqti_xmlv1p2">
                      <file href="\(id)/\(id).xml"/>
                      <dependency identifierref="\(metaID)"/>
                    </resource>
                    <resource identifier="\(metaID)" type="associatedcontent/imscc_xmlv1p1/learning-application-resource" href="\(id)/assessment_meta.xml">
                      <file href="\(id)/assessment_meta.xml"/>
                    </resource>

                """
        }
        for (index, asset) in assets.enumerated() {
            let path = "web_resources/" + asset.name
            files.append((path, asset.data))
            resources += """
                    <resource identifier="\(packageID)_F\(index + 1)" type="webcontent" href="\(XMLText.attribute(path))">
                      <file href="\(XMLText.attribute(path))"/>
                    </resource>

                """
        }
        let manifest = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="\(packageID)" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd">
              <metadata>
                <schema>IMS Content</schema>
                <schemaversion>1.1.3</schemaversion>
              </metadata>
              <organizations/>
              <resources>
            \(resources)  </resources>
            </manifest>

            """
        return [("imsmanifest.xml", Array(manifest.utf8))] + files
    }

    /// Canvas's settings for the quiz the bank becomes.
    static func meta(_ bank: QuestionBank, identifier: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz identifier="\(identifier)" xmlns="http://canvas.instructure.com/xsd/cccv1p0" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://canvas.instructure.com/xsd/cccv1p0 https://canvas.instructure.com/xsd/cccv1p0.xsd">
          <title>\(XMLText.content(bank.category))</title>
          <description></description>
          <shuffle_answers>true</shuffle_answers>
          <scoring_policy>keep_highest</scoring_policy>
          <hide_results></hide_results>
          <quiz_type>practice_quiz</quiz_type>
          <points_possible>\(bank.questions.count)</points_possible>
          <show_correct_answers>true</show_correct_answers>
          <allowed_attempts>-1</allowed_attempts>
          <one_question_at_a_time>false</one_question_at_a_time>
          <cant_go_back>false</cant_go_back>
          <available>false</available>
        </quiz>

        """
    }

    /// The bank as a QTI 1.2 `assessment` of one section.
    static func assessment(_ bank: QuestionBank, identifier: String) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">
              <assessment ident="\(identifier)" title="\(XMLText.attribute(bank.category))">
                <qtimetadata>
                  <qtimetadatafield>
                    <fieldlabel>cc_maxattempts</fieldlabel>
                    <fieldentry>unlimited</fieldentry>
                  </qtimetadatafield>
                </qtimetadata>
                <section ident="root_section">

            """
        for question in bank.questions {
            out += item(question, identifier: "\(identifier)_Q\(question.number)")
        }
        out += "    </section>\n  </assessment>\n</questestinterop>\n"
        return out
    }

    static func item(_ question: BankQuestion, identifier: String) -> String {
        let single = question.isSingleAnswer
        let type = single ? "multiple_choice_question" : "multiple_answers_question"
        let labels = question.options.indices.map { "\(identifier)_\(Letters.letter($0))" }
        var out = """
                  <item ident="\(identifier)" title="\(XMLText.attribute(question.name))">
                    <itemmetadata>
                      <qtimetadata>
                        <qtimetadatafield>
                          <fieldlabel>question_type</fieldlabel>
                          <fieldentry>\(type)</fieldentry>
                        </qtimetadatafield>
                        <qtimetadatafield>
                          <fieldlabel>points_possible</fieldlabel>
                          <fieldentry>1.0</fieldentry>
                        </qtimetadatafield>
                        <qtimetadatafield>
                          <fieldlabel>original_answer_ids</fieldlabel>
                          <fieldentry>\(labels.joined(separator: ","))</fieldentry>
                        </qtimetadatafield>
                      </qtimetadata>
                    </itemmetadata>
                    <presentation>
                      <material>
                        <mattext texttype="text/html">\(mattext(question.text))</mattext>
                      </material>
                      <response_lid ident="response1" rcardinality="\(single ? "Single" : "Multiple")">
                        <render_choice shuffle="\(question.shuffle ? "Yes" : "No")">

            """
        for (index, option) in question.options.enumerated() {
            out += """
                                <response_label ident="\(labels[index])">
                                  <material>
                                    <mattext texttype="text/html">\(mattext(option.text))</mattext>
                                  </material>
                                </response_label>

                """
        }
        out += """
                        </render_choice>
                      </response_lid>
                    </presentation>
                    <resprocessing>
                      <outcomes>
                        <decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/>
                      </outcomes>

            """
        if question.generalFeedback.map({ !$0.isEmpty }) == true {
            out += """
                          <respcondition continue="Yes">
                            <conditionvar>
                              <other/>
                            </conditionvar>
                            <displayfeedback feedbacktype="Response" linkrefid="general_fb"/>
                          </respcondition>

                """
        }
        for (index, option) in question.options.enumerated() where option.feedback.map({ !$0.isEmpty }) == true {
            out += """
                          <respcondition continue="Yes">
                            <conditionvar>
                              <varequal respident="response1">\(labels[index])</varequal>
                            </conditionvar>
                            <displayfeedback feedbacktype="Response" linkrefid="\(labels[index])_fb"/>
                          </respcondition>

                """
        }
        if single, let correct = question.options.firstIndex(where: \.isCorrect) {
            out += """
                          <respcondition continue="No">
                            <conditionvar>
                              <varequal respident="response1">\(labels[correct])</varequal>
                            </conditionvar>
                            <setvar action="Set" varname="SCORE">100</setvar>
                          </respcondition>

                """
        } else {
            // Multiple answers: every correct option chosen and no other, as Canvas scores them.
            let conditions = question.options.indices.map { index in
                question.options[index].isCorrect
                    ? "              <varequal respident=\"response1\">\(labels[index])</varequal>\n"
                    : "              <not>\n                <varequal respident=\"response1\">\(labels[index])</varequal>\n              </not>\n"
            }.joined()
            out += """
                          <respcondition continue="No">
                            <conditionvar>
                              <and>
                \(conditions)              </and>
                            </conditionvar>
                            <setvar action="Set" varname="SCORE">100</setvar>
                          </respcondition>

                """
        }
        out += "        </resprocessing>\n"
        if let general = question.generalFeedback, !general.isEmpty {
            out += feedback("general_fb", general)
        }
        for (index, option) in question.options.enumerated() {
            if let text = option.feedback, !text.isEmpty { out += feedback("\(labels[index])_fb", text) }
        }
        out += "      </item>\n"
        return out
    }

    static func feedback(_ ident: String, _ text: RichText) -> String {
        """
                <itemfeedback ident="\(ident)">
                  <flow_mat>
                    <material>
                      <mattext texttype="text/html">\(mattext(text))</mattext>
                    </material>
                  </flow_mat>
                </itemfeedback>

        """
    }

    /// HTML inside `<mattext texttype="text/html">`: escaped text, as Canvas writes it.
    static func mattext(_ text: RichText) -> String {
        switch text {
        case .html(let html): return XMLText.content(html.replacingOccurrences(of: "\"images/", with: "\"$IMS-CC-FILEBASE$/web_resources/"))
        case .markdown(let text), .plain(let text): return XMLText.content(HTMLEscaping.escape(text))
        }
    }
}
