<%@ include file="_top.jspf" %>
<%-- The phone before its code: how to send it (only the methods the org allows) and, to set the phone up, the number. --%>
<form method="post" action="${fn:escapeXml(oie.sendPhoneCodeUrl)}" id="oie-phone">
  <%@ include file="_hidden.jspf" %>
  <c:choose>
    <c:when test="${oie.phoneNumberAsked}">
      <p id="oie-phone-text"><fmt:message key="oie.text.phoneEnroll" bundle="${oieText}"/></p>
      <label for="phoneNumber"><fmt:message key="oie.label.phoneNumber" bundle="${oieText}"/></label>
      <input type="tel" id="phoneNumber" name="phoneNumber" autocomplete="tel" maxlength="32" required autofocus placeholder="+1 415 555 0132" value="${fn:escapeXml(oie.formValues['phoneNumber'])}"<c:if test="${oie.invalid('phoneNumber')}"> aria-invalid="true" aria-describedby="oie-error-phoneNumber"</c:if>>
      <c:set var="oieField" value="phoneNumber"/><%@ include file="_errors.jspf" %>
    </c:when>
    <c:otherwise>
      <p id="oie-phone-text"><c:choose>
        <c:when test="${not empty oie.sentTo}"><fmt:message key="oie.text.phoneVerifyTo" bundle="${oieText}"><fmt:param value="${fn:replace(fn:escapeXml(oie.sentTo), ' ', '&#160;')}"/></fmt:message></c:when>
        <c:otherwise><fmt:message key="oie.text.phoneVerify" bundle="${oieText}"/></c:otherwise>
      </c:choose></p>
      <c:set var="oieField" value="phoneNumber"/><%@ include file="_errors.jspf" %>
    </c:otherwise>
  </c:choose>
  <fieldset class="methods"><legend><fmt:message key="oie.label.phoneMethod" bundle="${oieText}"/></legend>
  <c:forEach var="method" items="${oie.phoneMethods}" varStatus="n">
    <label class="option"><input type="radio" name="methodType" value="${fn:escapeXml(method)}" id="oie-method-${fn:escapeXml(method)}" ${(empty oie.formValues['methodType'] and n.first) or oie.formValues['methodType'] == method ? 'checked' : ''}>
      <fmt:message key="oie.phoneMethod.${method}" bundle="${oieText}"/></label>
  </c:forEach>
  </fieldset>
  <c:set var="oieField" value="methodType"/><%@ include file="_errors.jspf" %>
  <button type="submit" id="oie-submit"><fmt:message key="oie.button.sendCode" bundle="${oieText}"/></button>
</form>
<c:if test="${oie.skippable}">
<form method="post" action="${fn:escapeXml(oie.skipUrl)}" id="oie-skip">
  <%@ include file="_hidden.jspf" %>
  <button type="submit" class="link"><fmt:message key="oie.button.skip" bundle="${oieText}"/></button>
</form>
</c:if>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
