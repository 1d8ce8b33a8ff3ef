<%@ include file="_top.jspf" %>
<form method="post" action="${fn:escapeXml(oie.answerQuestionUrl)}" id="oie-question" autocomplete="off">
  <%@ include file="_hidden.jspf" %>
  <c:choose>
    <c:when test="${not empty oie.question}">
      <p id="oie-question-text"><c:out value="${oie.question}"/></p>
    </c:when>
    <c:otherwise>
      <p id="oie-question-intro"><fmt:message key="oie.text.questionEnroll" bundle="${oieText}"/></p>
      <label for="questionKey"><fmt:message key="oie.label.chooseQuestion" bundle="${oieText}"/></label>
      <select id="questionKey" name="questionKey"<c:if test="${oie.invalid('questionKey')}"> aria-invalid="true" aria-describedby="oie-error-questionKey"</c:if>>
        <c:forEach var="q" items="${oie.questions}"><option value="${fn:escapeXml(q.key())}"${oie.formValues['questionKey'] == q.key() ? ' selected' : ''}><c:out value="${q.text()}"/></option></c:forEach>
        <option value="custom"${oie.formValues['questionKey'] == 'custom' ? ' selected' : ''}><fmt:message key="oie.label.ownQuestionOption" bundle="${oieText}"/></option>
      </select>
      <c:set var="oieField" value="questionKey"/><%@ include file="_errors.jspf" %>
      <label for="question"><fmt:message key="oie.label.ownQuestion" bundle="${oieText}"/></label>
      <input type="text" id="question" name="question" maxlength="100" value="${fn:escapeXml(oie.formValues['question'])}"<c:if test="${oie.invalid('question')}"> aria-invalid="true" aria-describedby="oie-error-question"</c:if>>
      <c:set var="oieField" value="question"/><%@ include file="_errors.jspf" %>
    </c:otherwise>
  </c:choose>
  <label for="answer"><fmt:message key="oie.label.answer" bundle="${oieText}"/></label>
  <input type="password" id="answer" name="answer" autocomplete="off" required autofocus<c:if test="${oie.invalid('answer')}"> aria-invalid="true" aria-describedby="oie-error-answer"</c:if>>
  <c:set var="oieField" value="answer"/><%@ include file="_errors.jspf" %>
  <button type="submit" id="oie-submit"><fmt:message key="oie.button.verify" bundle="${oieText}"/></button>
</form>
<c:if test="${oie.skippable}">
<form method="post" action="${fn:escapeXml(oie.skipUrl)}" id="oie-skip">
  <%@ include file="_hidden.jspf" %>
  <button type="submit" class="link"><fmt:message key="oie.button.skip" bundle="${oieText}"/></button>
</form>
</c:if>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
