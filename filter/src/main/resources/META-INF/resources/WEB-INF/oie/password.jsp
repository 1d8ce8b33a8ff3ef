<%@ include file="_top.jspf" %>
<form method="post" action="${fn:escapeXml(oie.answerUrl)}" id="oie-password">
  <%@ include file="_hidden.jspf" %>
  <label for="password"><fmt:message key="oie.label.password" bundle="${oieText}"/></label>
  <input type="password" id="password" name="passcode" autocomplete="current-password" required autofocus<c:if test="${oie.invalid('password')}"> aria-invalid="true" aria-describedby="oie-error-password"</c:if>>
  <c:set var="oieField" value="password"/><%@ include file="_errors.jspf" %>
  <button type="submit" id="oie-submit"><fmt:message key="oie.button.verify" bundle="${oieText}"/></button>
</form>
<%@ include file="_forgot.jspf" %>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
