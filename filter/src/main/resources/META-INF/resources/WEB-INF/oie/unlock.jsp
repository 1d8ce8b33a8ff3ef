<%@ include file="_top.jspf" %>
<p id="oie-unlock-text"><fmt:message key="oie.text.unlock" bundle="${oieText}"/></p>
<form method="post" action="${fn:escapeXml(oie.unlockAccountUrl)}" id="oie-unlock-account" autocomplete="on">
  <%@ include file="_hidden.jspf" %>
  <label for="identifier"><fmt:message key="oie.label.identifier" bundle="${oieText}"/></label>
  <input type="text" id="identifier" name="identifier" value="${fn:escapeXml(oie.identifier)}" autocomplete="username" required autofocus<c:if test="${oie.invalid('identifier')}"> aria-invalid="true" aria-describedby="oie-error-identifier"</c:if>>
  <c:set var="oieField" value="identifier"/><%@ include file="_errors.jspf" %>
  <c:forEach var="option" items="${oie.options}" varStatus="n">
    <label class="option"><input type="radio" name="authenticator" value="${fn:escapeXml(option.authenticatorId())}" id="oie-option-${fn:escapeXml(option.labelKey())}" ${n.first ? 'checked' : ''}>
      <fmt:message key="oie.authenticator.${option.labelKey()}" bundle="${oieText}"/></label>
  </c:forEach>
  <c:set var="oieField" value="authenticator"/><%@ include file="_errors.jspf" %>
  <button type="submit" id="oie-submit"><fmt:message key="oie.button.next" bundle="${oieText}"/></button>
</form>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
