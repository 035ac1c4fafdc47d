/** Small processes for the scheduler's tests, as BPMN the server deploys like any other. */

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:tb="urn:tongban:schema:bpmn:1.0" id="defs" targetNamespace="urn:tongban:test">`;

/** start → wait (a timer intermediate catch event of `duration`) → end: the instance completes when the timer fires. */
export function timerProcess(processId: string, duration: string): string {
  return `${HEAD}
  <bpmn:process id="${processId}" name="公示期" isExecutable="true">
    <bpmn:startEvent id="start" name="申请"/>
    <bpmn:intermediateCatchEvent id="wait" name="公示"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" name="办结"/>
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="wait"/>
    <bpmn:sequenceFlow id="f1" sourceRef="wait" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;
}

/**
 * start → lookup (a connector job of `connector`, result in `answer`) → end;
 * a NOT_REGISTERED business error takes the boundary path to a manual task.
 */
export function connectorProcess(processId: string, connector: string): string {
  return `${HEAD}
  <bpmn:error id="err_not_registered" name="未登记" errorCode="NOT_REGISTERED"/>
  <bpmn:process id="${processId}" name="共享数据" isExecutable="true">
    <bpmn:startEvent id="start" name="申请"/>
    <bpmn:serviceTask id="lookup" name="查询登记" tb:connector="${connector}" tb:resultVariable="answer"/>
    <bpmn:boundaryEvent id="not_registered" name="未登记" attachedToRef="lookup"><bpmn:errorEventDefinition errorRef="err_not_registered"/></bpmn:boundaryEvent>
    <bpmn:userTask id="manual" name="人工核实" tb:department="market" tb:timeLimit="1wd"/>
    <bpmn:endEvent id="end" name="办结"/>
    <bpmn:endEvent id="end_manual" name="人工办结"/>
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="lookup"/>
    <bpmn:sequenceFlow id="f1" sourceRef="lookup" targetRef="end"/>
    <bpmn:sequenceFlow id="f2" sourceRef="not_registered" targetRef="manual"/>
    <bpmn:sequenceFlow id="f3" sourceRef="manual" targetRef="end_manual"/>
  </bpmn:process>
</bpmn:definitions>`;
}
